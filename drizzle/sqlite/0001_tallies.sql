CREATE TABLE `consensus_cells` (
	`session_id` text NOT NULL,
	`behaviour_key` text NOT NULL,
	`interval` integer NOT NULL,
	`value` integer NOT NULL,
	`rationale` text NOT NULL,
	PRIMARY KEY(`session_id`, `behaviour_key`, `interval`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tally_cells` (
	`session_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`behaviour_key` text NOT NULL,
	`interval` integer NOT NULL,
	`value` integer NOT NULL,
	`note` text NOT NULL,
	`moments` text NOT NULL,
	`client_time` integer NOT NULL,
	PRIMARY KEY(`session_id`, `coder_id`, `behaviour_key`, `interval`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tally_ratings` (
	`session_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`scale_key` text NOT NULL,
	`value` integer,
	`client_time` integer NOT NULL,
	PRIMARY KEY(`session_id`, `coder_id`, `scale_key`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
