CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text,
	`campaign_id` text,
	`dedupe_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_uq` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`payload_json` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`failed_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key_uq` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`sent_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `progress_snapshots` (
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`computed_at` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`expected` integer NOT NULL,
	`submitted` integer NOT NULL,
	`confirmed` integer NOT NULL,
	`on_time` integer NOT NULL,
	`late` integer NOT NULL,
	`excused` integer NOT NULL,
	`meetings_held` integer NOT NULL,
	`meetings_compliant` integer NOT NULL,
	`reports_on_time` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_snapshots_uq` ON `progress_snapshots` (`campaign_id`,`unit_id`,`computed_at`);--> statement-breakpoint
CREATE INDEX `progress_snapshots_latest_idx` ON `progress_snapshots` (`campaign_id`,`computed_at`);--> statement-breakpoint
CREATE TABLE `reminder_ledger` (
	`key` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`day` text NOT NULL,
	`text` text NOT NULL,
	`notification_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reminder_ledger_pending_idx` ON `reminder_ledger` (`notification_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `campaigns` ADD `directive_id` text;