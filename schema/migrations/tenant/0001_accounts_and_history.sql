CREATE TABLE `account_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`role` text,
	`unit_id` text,
	`member_id` text,
	`user_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_hash_uq` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_kind_idx` ON `account_tokens` (`kind`);--> statement-breakpoint
CREATE TABLE `member_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`status` text NOT NULL,
	`since` text NOT NULL,
	`note` text,
	`at` integer NOT NULL,
	`actor_user_id` text
);
--> statement-breakpoint
CREATE INDEX `member_status_member_idx` ON `member_status_history` (`member_id`,`since`);