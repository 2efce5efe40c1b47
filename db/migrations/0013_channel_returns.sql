CREATE TABLE "channel_return_cursors" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"cursor" text,
	"last_pulled_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "channel_return_notices" (
	"channel_id" text NOT NULL,
	"external_return_id" text NOT NULL,
	"external_order_id" text,
	"order_id" text,
	"return_id" text,
	"status" text NOT NULL,
	"status_reason" text,
	"channel_state" text,
	"reason" text,
	"tracking_number" text,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"raw" jsonb NOT NULL,
	"channel_updated_at" timestamp with time zone,
	"times_seen" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_return_notices_pk" PRIMARY KEY("channel_id","external_return_id")
);
--> statement-breakpoint
ALTER TABLE "channel_return_cursors" ADD CONSTRAINT "channel_return_cursors_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_return_notices" ADD CONSTRAINT "channel_return_notices_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_return_notices" ADD CONSTRAINT "channel_return_notices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_return_notices" ADD CONSTRAINT "channel_return_notices_return_id_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_return_notices_parked_idx" ON "channel_return_notices" USING btree ("channel_id","last_seen_at") WHERE "channel_return_notices"."status" = 'parked';--> statement-breakpoint
CREATE INDEX "channel_return_notices_return_idx" ON "channel_return_notices" USING btree ("return_id");