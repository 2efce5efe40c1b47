CREATE TABLE "product_catalog" (
	"product_id" text PRIMARY KEY NOT NULL,
	"parent_sku" text,
	"description" text,
	"brand" text,
	"category" text,
	"condition" text DEFAULT 'new' NOT NULL,
	"lead_time_days" integer,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"base_price" integer NOT NULL,
	"cost" integer,
	"public_price" integer,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"images" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"import_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_offers" (
	"channel_id" text NOT NULL,
	"product_id" text NOT NULL,
	"status" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"item_price" integer,
	"shipping_price" integer,
	"quantity" integer,
	"feed_run_id" text,
	"external_id" text,
	"external_parent_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_offers_channel_id_product_id_pk" PRIMARY KEY("channel_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "channel_price_rules" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"rule" jsonb NOT NULL,
	"quality" jsonb NOT NULL,
	"feed" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_run_errors" (
	"feed_run_id" text NOT NULL,
	"position" integer NOT NULL,
	"line" integer,
	"sku" text,
	"product_id" text,
	"message" text NOT NULL,
	CONSTRAINT "feed_run_errors_feed_run_id_position_pk" PRIMARY KEY("feed_run_id","position")
);
--> statement-breakpoint
CREATE TABLE "feed_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"format" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"file" "bytea" NOT NULL,
	"offers" integer NOT NULL,
	"blocked" integer NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_mappings" ADD COLUMN "kind" text DEFAULT 'orders' NOT NULL;--> statement-breakpoint
ALTER TABLE "product_catalog" ADD CONSTRAINT "product_catalog_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_offers" ADD CONSTRAINT "channel_offers_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_offers" ADD CONSTRAINT "channel_offers_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_price_rules" ADD CONSTRAINT "channel_price_rules_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_run_errors" ADD CONSTRAINT "feed_run_errors_feed_run_id_feed_runs_id_fk" FOREIGN KEY ("feed_run_id") REFERENCES "public"."feed_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_runs" ADD CONSTRAINT "feed_runs_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_catalog_category_idx" ON "product_catalog" USING btree ("category");--> statement-breakpoint
CREATE INDEX "channel_offers_product_idx" ON "channel_offers" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "feed_runs_channel_created_idx" ON "feed_runs" USING btree ("channel_id","created_at");