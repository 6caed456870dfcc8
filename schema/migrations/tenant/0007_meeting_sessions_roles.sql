DROP INDEX `meetings_uq`;--> statement-breakpoint
ALTER TABLE `meetings` ADD `session` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `merged_with_json` text;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_session_uq` ON `meetings` (`campaign_id`,`unit_id`,`step_key`,`session`);--> statement-breakpoint
ALTER TABLE `meeting_attendance` ADD `role` text;