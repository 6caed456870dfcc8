CREATE TABLE `link_audit_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`link_id` text NOT NULL,
	`other_slug` text NOT NULL,
	`other_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `link_audit_outbox_tenant_idx` ON `link_audit_outbox` (`tenant_id`);--> statement-breakpoint
ALTER TABLE `directives` ADD `source_id` text;--> statement-breakpoint
CREATE INDEX `directives_source_idx` ON `directives` (`source_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tenant_links_one_parent_uq` ON `tenant_links` (`child_id`) WHERE "tenant_links"."status" = 'approved';