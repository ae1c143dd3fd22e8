CREATE TABLE "calibration_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"session_id" text NOT NULL,
	"gold_session_id" text NOT NULL,
	"deadline" timestamp with time zone,
	"show_gold" boolean NOT NULL,
	"show_names" boolean NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calibration_rounds_session_id_unique" UNIQUE("session_id")
);
--> statement-breakpoint
CREATE TABLE "project_settings" (
	"project_id" text PRIMARY KEY NOT NULL,
	"hide_double_coding" boolean DEFAULT false NOT NULL,
	"mark_statistic" text DEFAULT 'kappa' NOT NULL,
	"mark_threshold" integer DEFAULT 70 NOT NULL,
	"rating_tolerance" integer DEFAULT 1 NOT NULL,
	"rating_share" integer DEFAULT 90 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "purpose" text DEFAULT 'research' NOT NULL;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_gold_session_id_sessions_id_fk" FOREIGN KEY ("gold_session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_settings" ADD CONSTRAINT "project_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calibration_rounds_project_idx" ON "calibration_rounds" USING btree ("project_id");