ALTER TABLE `tenants` ADD `next_due_at` integer DEFAULT 0;--> statement-breakpoint
CREATE INDEX `tenants_due_idx` ON `tenants` (`status`,`next_due_at`,`id`);