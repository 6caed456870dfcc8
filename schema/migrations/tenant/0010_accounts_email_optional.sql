PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_account_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`token_hash` text NOT NULL,
	`email` text,
	`short` integer DEFAULT false NOT NULL,
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
INSERT INTO `__new_account_tokens`("id", "kind", "token_hash", "email", "short", "role", "unit_id", "member_id", "user_id", "created_by", "created_at", "expires_at", "used_at", "revoked_at") SELECT "id", "kind", "token_hash", "email", "short", "role", "unit_id", "member_id", "user_id", "created_by", "created_at", "expires_at", "used_at", "revoked_at" FROM `account_tokens`;--> statement-breakpoint
DROP TABLE `account_tokens`;--> statement-breakpoint
ALTER TABLE `__new_account_tokens` RENAME TO `account_tokens`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_hash_uq` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_kind_idx` ON `account_tokens` (`kind`);--> statement-breakpoint
CREATE INDEX `account_tokens_member_idx` ON `account_tokens` (`member_id`);--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text,
	`phone` text,
	`full_name` text NOT NULL,
	`password_hash` text,
	`member_id` text,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "email", "phone", "full_name", "password_hash", "member_id", "disabled_at", "created_at", "updated_at") SELECT "id", "email", "phone", "full_name", "password_hash", "member_id", "disabled_at", "created_at", "updated_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_uq` ON `users` (`phone`);--> statement-breakpoint
CREATE INDEX `users_member_idx` ON `users` (`member_id`);