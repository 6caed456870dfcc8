CREATE TABLE `compliance_figures` (
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`rule` text NOT NULL,
	`label` text NOT NULL,
	`status` text,
	`reason` text,
	`step` text,
	`report` text,
	`sub_pass` integer DEFAULT 0 NOT NULL,
	`sub_late` integer DEFAULT 0 NOT NULL,
	`sub_fail` integer DEFAULT 0 NOT NULL,
	`sub_pending` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `unit_id`, `rule`)
);
--> statement-breakpoint
CREATE TABLE `compliance_rechecks` (
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `unit_id`)
);
--> statement-breakpoint
CREATE INDEX `compliance_rechecks_at` ON `compliance_rechecks` (`campaign_id`,`at`);--> statement-breakpoint
CREATE TABLE `compliance_state` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`basis` text NOT NULL,
	`valid_until` integer NOT NULL,
	`seq` integer NOT NULL,
	`token` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meeting_attendance_member_idx` ON `meeting_attendance` (`member_id`);