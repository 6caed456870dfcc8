CREATE TABLE `progress_dirty` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` text,
	`campaign_id` text
);
--> statement-breakpoint
CREATE TABLE `progress_figure_state` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`basis` text NOT NULL,
	`evaluated_on` text NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `progress_figures` (
	`campaign_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`own_expected` integer DEFAULT 0 NOT NULL,
	`own_excused` integer DEFAULT 0 NOT NULL,
	`own_submitted` integer DEFAULT 0 NOT NULL,
	`own_confirmed` integer DEFAULT 0 NOT NULL,
	`own_on_time` integer DEFAULT 0 NOT NULL,
	`own_late_submitted` integer DEFAULT 0 NOT NULL,
	`sub_expected` integer DEFAULT 0 NOT NULL,
	`sub_excused` integer DEFAULT 0 NOT NULL,
	`sub_submitted` integer DEFAULT 0 NOT NULL,
	`sub_confirmed` integer DEFAULT 0 NOT NULL,
	`sub_on_time` integer DEFAULT 0 NOT NULL,
	`sub_late_submitted` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `unit_id`)
);
--> statement-breakpoint
CREATE INDEX `units_closed_on_idx` ON `units` (`closed_on`);