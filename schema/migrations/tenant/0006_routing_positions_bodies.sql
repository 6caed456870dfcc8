ALTER TABLE `members` ADD `position_code` text;--> statement-breakpoint
ALTER TABLE `members` ADD `management_category` text;--> statement-breakpoint
ALTER TABLE `units` ADD `body_code` text;--> statement-breakpoint
ALTER TABLE `units` ADD `body_level` text;