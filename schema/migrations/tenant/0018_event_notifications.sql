ALTER TABLE `users` ADD `notify_mode` text DEFAULT 'digest' NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `mail` text;--> statement-breakpoint
CREATE INDEX `notifications_mail_idx` ON `notifications` (`mail`,`user_id`) WHERE "notifications"."mail" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `grants_role_unit_idx` ON `grants` (`role`,`unit_id`);