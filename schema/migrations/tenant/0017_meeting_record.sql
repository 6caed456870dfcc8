ALTER TABLE `meeting_attendance` ADD `presented_plan` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting_attendance` ADD `commented_on` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `agenda_json` text;