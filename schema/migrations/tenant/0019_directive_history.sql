CREATE TABLE `directive_history` (
	`directive_id` text NOT NULL,
	`day` text NOT NULL,
	`computed_at` integer NOT NULL,
	`oldest_computed_at` integer,
	`expected` integer NOT NULL,
	`submitted` integer NOT NULL,
	`confirmed` integer NOT NULL,
	`on_time` integer NOT NULL,
	`late` integer NOT NULL,
	`excused` integer NOT NULL,
	`meetings_held` integer NOT NULL,
	`meetings_compliant` integer NOT NULL,
	`reports_on_time` integer NOT NULL,
	PRIMARY KEY(`directive_id`, `day`)
);
