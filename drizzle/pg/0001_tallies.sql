CREATE TABLE "consensus_cells" (
	"session_id" text NOT NULL,
	"behaviour_key" text NOT NULL,
	"interval" integer NOT NULL,
	"value" integer NOT NULL,
	"rationale" text NOT NULL,
	CONSTRAINT "consensus_cells_session_id_behaviour_key_interval_pk" PRIMARY KEY("session_id","behaviour_key","interval")
);
--> statement-breakpoint
CREATE TABLE "tally_cells" (
	"session_id" text NOT NULL,
	"coder_id" text NOT NULL,
	"behaviour_key" text NOT NULL,
	"interval" integer NOT NULL,
	"value" integer NOT NULL,
	"note" text NOT NULL,
	"moments" text NOT NULL,
	"client_time" bigint NOT NULL,
	CONSTRAINT "tally_cells_session_id_coder_id_behaviour_key_interval_pk" PRIMARY KEY("session_id","coder_id","behaviour_key","interval")
);
--> statement-breakpoint
CREATE TABLE "tally_ratings" (
	"session_id" text NOT NULL,
	"coder_id" text NOT NULL,
	"scale_key" text NOT NULL,
	"value" integer,
	"client_time" bigint NOT NULL,
	CONSTRAINT "tally_ratings_session_id_coder_id_scale_key_pk" PRIMARY KEY("session_id","coder_id","scale_key")
);
--> statement-breakpoint
ALTER TABLE "consensus_cells" ADD CONSTRAINT "consensus_cells_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tally_cells" ADD CONSTRAINT "tally_cells_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tally_cells" ADD CONSTRAINT "tally_cells_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tally_ratings" ADD CONSTRAINT "tally_ratings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tally_ratings" ADD CONSTRAINT "tally_ratings_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;