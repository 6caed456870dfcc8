CREATE TABLE `step_records` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`step_key` text NOT NULL,
	`unit_id` text NOT NULL,
	`member_id` text DEFAULT '' NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`version` integer NOT NULL,
	`done_on` text,
	`place` text,
	`note` text,
	`link` text,
	`file_ref` text,
	`data_json` text,
	`by_user_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `step_records_version_uq` ON `step_records` (`campaign_id`,`step_key`,`unit_id`,`member_id`,`period`,`version`);--> statement-breakpoint
CREATE INDEX `step_records_campaign_idx` ON `step_records` (`campaign_id`,`unit_id`);