CREATE TABLE `on_behalf_consents` (
	`member_id` text PRIMARY KEY NOT NULL,
	`given_by` text NOT NULL,
	`means` text NOT NULL,
	`given_at` integer NOT NULL
);
