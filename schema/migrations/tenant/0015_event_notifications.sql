ALTER TABLE `users` ADD `notify_mode` text DEFAULT 'digest' NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `mail` text;--> statement-breakpoint
CREATE INDEX `notifications_mail_idx` ON `notifications` (`mail`,`user_id`) WHERE "notifications"."mail" IS NOT NULL;