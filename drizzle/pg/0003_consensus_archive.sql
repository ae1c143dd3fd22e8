CREATE TABLE "board_archives" (
	"session_id" text PRIMARY KEY NOT NULL,
	"history" text NOT NULL,
	"notes" text NOT NULL,
	"finalized_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consensus_ratings" (
	"session_id" text NOT NULL,
	"scale_key" text NOT NULL,
	"value" integer,
	CONSTRAINT "consensus_ratings_session_id_scale_key_pk" PRIMARY KEY("session_id","scale_key")
);
--> statement-breakpoint
ALTER TABLE "board_archives" ADD CONSTRAINT "board_archives_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_archives" ADD CONSTRAINT "board_archives_finalized_by_users_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_ratings" ADD CONSTRAINT "consensus_ratings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;