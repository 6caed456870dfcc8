CREATE TABLE `cron_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `directives` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text NOT NULL,
	`name` text NOT NULL,
	`document_no` text,
	`template_key` text NOT NULL,
	`definition_json` text NOT NULL,
	`locked_sections_json` text NOT NULL,
	`starts_on` text NOT NULL,
	`due_on` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `directives_parent_idx` ON `directives` (`parent_id`);--> statement-breakpoint
CREATE TABLE `rollups` (
	`child_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`directive_id` text,
	`name` text NOT NULL,
	`template_key` text NOT NULL,
	`expected` integer NOT NULL,
	`submitted` integer NOT NULL,
	`confirmed` integer NOT NULL,
	`on_time` integer NOT NULL,
	`late` integer NOT NULL,
	`excused` integer NOT NULL,
	`meetings_held` integer NOT NULL,
	`meetings_compliant` integer NOT NULL,
	`reports_on_time` integer NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rollups_uq` ON `rollups` (`child_id`,`campaign_id`);--> statement-breakpoint
CREATE TABLE `tenant_links` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`parent_id` text NOT NULL,
	`status` text NOT NULL,
	`requested_at` integer NOT NULL,
	`approved_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `tenant_links_child_idx` ON `tenant_links` (`child_id`);--> statement-breakpoint
CREATE INDEX `tenant_links_parent_idx` ON `tenant_links` (`parent_id`);