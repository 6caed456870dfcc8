CREATE TABLE `database_pool` (
	`id` text PRIMARY KEY NOT NULL,
	`db_url` text NOT NULL,
	`db_token` text,
	`schema_version` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `database_pool_age_idx` ON `database_pool` (`created_at`,`id`);