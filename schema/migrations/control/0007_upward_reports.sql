CREATE TABLE `upward_report_filings` (
	`report_id` text NOT NULL,
	`seq` integer NOT NULL,
	`filed_at` integer NOT NULL,
	`narrative_json` text NOT NULL,
	`figures_json` text NOT NULL,
	`figures_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upward_report_filings_uq` ON `upward_report_filings` (`report_id`,`seq`);--> statement-breakpoint
CREATE TABLE `upward_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`directive_id` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`narrative_json` text NOT NULL,
	`filings` integer DEFAULT 0 NOT NULL,
	`first_filed_at` integer,
	`filed_at` integer,
	`returned_at` integer,
	`return_comment` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upward_reports_campaign_uq` ON `upward_reports` (`child_id`,`campaign_id`);--> statement-breakpoint
CREATE INDEX `upward_reports_directive_idx` ON `upward_reports` (`directive_id`);