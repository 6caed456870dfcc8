ALTER TABLE `notifications` ADD `hook` integer;--> statement-breakpoint
CREATE INDEX `notifications_hook_idx` ON `notifications` (`created_at`) WHERE "notifications"."hook" IS NOT NULL;