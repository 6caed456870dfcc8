CREATE TABLE `plan_confirmations` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`version` integer NOT NULL,
	`opinion` text NOT NULL,
	`confirmed_by` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_position` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `plan_confirmations_submission_idx` ON `plan_confirmations` (`submission_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `account_tokens` ADD `short` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `account_tokens_member_idx` ON `account_tokens` (`member_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `phone` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_uq` ON `users` (`phone`);--> statement-breakpoint
CREATE INDEX `users_member_idx` ON `users` (`member_id`);