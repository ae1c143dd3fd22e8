CREATE TABLE `calibration_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`session_id` text NOT NULL,
	`gold_session_id` text NOT NULL,
	`deadline` integer,
	`show_gold` integer NOT NULL,
	`show_names` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gold_session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calibration_rounds_session_id_unique` ON `calibration_rounds` (`session_id`);--> statement-breakpoint
CREATE INDEX `calibration_rounds_project_idx` ON `calibration_rounds` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_settings` (
	`project_id` text PRIMARY KEY NOT NULL,
	`hide_double_coding` integer DEFAULT false NOT NULL,
	`mark_statistic` text DEFAULT 'kappa' NOT NULL,
	`mark_threshold` integer DEFAULT 70 NOT NULL,
	`rating_tolerance` integer DEFAULT 1 NOT NULL,
	`rating_share` integer DEFAULT 90 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `purpose` text DEFAULT 'research' NOT NULL;