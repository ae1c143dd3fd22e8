CREATE TABLE `doc_snapshots` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `doc_updates` (
	`doc_id` text NOT NULL,
	`seq` integer NOT NULL,
	`update` blob NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`doc_id`, `seq`)
);
