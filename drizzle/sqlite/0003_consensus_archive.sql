CREATE TABLE `board_archives` (
	`session_id` text PRIMARY KEY NOT NULL,
	`history` text NOT NULL,
	`notes` text NOT NULL,
	`finalized_by` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finalized_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consensus_ratings` (
	`session_id` text NOT NULL,
	`scale_key` text NOT NULL,
	`value` integer,
	PRIMARY KEY(`session_id`, `scale_key`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
