CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`author_user_id` text NOT NULL,
	`author_role` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `comments_submission_idx` ON `comments` (`submission_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`meeting_id` text NOT NULL,
	`member_id` text NOT NULL,
	`presence` text NOT NULL,
	`reason` text,
	`is_committee` integer DEFAULT false NOT NULL,
	`spoke_order` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_attendance_uq` ON `meeting_attendance` (`meeting_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`step_key` text NOT NULL,
	`scheduled_at` integer,
	`place` text,
	`format` text,
	`materials_sent_at` integer,
	`so_tay_link` text,
	`so_tay_posted_at` integer,
	`started_at` integer,
	`ended_at` integer,
	`merged_with_regular` integer,
	`minutes_secretary` text,
	`guests_json` text,
	`minutes` text,
	`vote_for` integer,
	`vote_against` integer,
	`vote_abstain` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_uq` ON `meetings` (`campaign_id`,`unit_id`,`step_key`);--> statement-breakpoint
CREATE INDEX `meetings_unit_idx` ON `meetings` (`unit_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`report_key` text NOT NULL,
	`data_json` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`submitted_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_uq` ON `reports` (`campaign_id`,`unit_id`,`report_key`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`member_id` text NOT NULL,
	`period` text NOT NULL,
	`rating` text NOT NULL,
	`note` text,
	`by_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_uq` ON `reviews` (`campaign_id`,`member_id`,`period`);