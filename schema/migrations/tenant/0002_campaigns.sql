CREATE TABLE `campaign_units` (
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_units_uq` ON `campaign_units` (`campaign_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`template_key` text NOT NULL,
	`template_version` integer NOT NULL,
	`definition_json` text NOT NULL,
	`name` text NOT NULL,
	`document_no` text,
	`starts_on` text NOT NULL,
	`due_on` text NOT NULL,
	`overrides_json` text,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`launched_at` integer,
	`closed_at` integer
);
--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`);--> statement-breakpoint
CREATE TABLE `submission_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`data_json` text NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`on_behalf` integer DEFAULT false NOT NULL,
	`comment` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_versions_uq` ON `submission_versions` (`submission_id`,`version`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`member_id` text NOT NULL,
	`form_key` text NOT NULL,
	`form_version` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`data_json` text NOT NULL,
	`submitted_at` integer,
	`first_submitted_at` integer,
	`confirmed_at` integer,
	`confirmed_by` text,
	`confirmed_version` integer,
	`confirmed_hash` text,
	`return_comment` text,
	`entered_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_uq` ON `submissions` (`campaign_id`,`member_id`,`form_key`);--> statement-breakpoint
CREATE INDEX `submissions_campaign_idx` ON `submissions` (`campaign_id`,`status`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`step_key` text NOT NULL,
	`unit_id` text NOT NULL,
	`member_id` text DEFAULT '' NOT NULL,
	`due_at` integer,
	`done_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_uq` ON `tasks` (`campaign_id`,`step_key`,`unit_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `tasks_member_idx` ON `tasks` (`member_id`);--> statement-breakpoint
CREATE INDEX `tasks_unit_idx` ON `tasks` (`unit_id`,`campaign_id`);--> statement-breakpoint
CREATE TABLE `templates` (
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`definition_json` text NOT NULL,
	`based_on_key` text,
	`based_on_version` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `templates_key_version_uq` ON `templates` (`key`,`version`);