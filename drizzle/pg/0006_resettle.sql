ALTER TABLE "reopen_requests" ADD COLUMN "resettle_value" integer;--> statement-breakpoint
ALTER TABLE "reopen_requests" ADD COLUMN "resettle_rationale" text;--> statement-breakpoint
ALTER TABLE "reopen_requests" ADD COLUMN "resettle_proposed_by" text;--> statement-breakpoint
ALTER TABLE "reopen_requests" ADD COLUMN "resettled_from" integer;--> statement-breakpoint
ALTER TABLE "reopen_requests" ADD COLUMN "resettled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reopen_requests" ADD CONSTRAINT "reopen_requests_resettle_proposed_by_users_id_fk" FOREIGN KEY ("resettle_proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;