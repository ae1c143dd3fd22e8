ALTER TABLE `reopen_requests` ADD `resettle_value` integer;--> statement-breakpoint
ALTER TABLE `reopen_requests` ADD `resettle_rationale` text;--> statement-breakpoint
ALTER TABLE `reopen_requests` ADD `resettle_proposed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `reopen_requests` ADD `resettled_from` integer;--> statement-breakpoint
ALTER TABLE `reopen_requests` ADD `resettled_at` integer;