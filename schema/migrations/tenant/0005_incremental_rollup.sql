CREATE TABLE `rollup_state` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rollup_units` (
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`expected` integer NOT NULL,
	`submitted` integer NOT NULL,
	`confirmed` integer NOT NULL,
	`on_time` integer NOT NULL,
	`late` integer NOT NULL,
	`excused` integer NOT NULL,
	`meetings_held` integer NOT NULL,
	`meetings_compliant` integer NOT NULL,
	`reports_on_time` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rollup_units_uq` ON `rollup_units` (`campaign_id`,`unit_id`);