CREATE TABLE "carrier_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"credentials_sealed" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_carrier_choices" (
	"order_id" text PRIMARY KEY NOT NULL,
	"carrier_account_id" text NOT NULL,
	"service_code" text NOT NULL,
	"relay_point_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prefetched_labels" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"carrier_account_id" text NOT NULL,
	"service_code" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"carrier_shipment_id" text NOT NULL,
	"tracking_number" text NOT NULL,
	"weight_grams" integer NOT NULL,
	"label_format" text NOT NULL,
	"label" "bytea" NOT NULL,
	"status" text DEFAULT 'ready' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sscc_counters" (
	"company_prefix" text PRIMARY KEY NOT NULL,
	"extension_digit" integer NOT NULL,
	"next_serial" bigint NOT NULL,
	"last_serial" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "carrier_shipment_id" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "carrier_account_id" text;--> statement-breakpoint
ALTER TABLE "order_carrier_choices" ADD CONSTRAINT "order_carrier_choices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_carrier_choices" ADD CONSTRAINT "order_carrier_choices_carrier_account_id_carrier_accounts_id_fk" FOREIGN KEY ("carrier_account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prefetched_labels" ADD CONSTRAINT "prefetched_labels_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prefetched_labels" ADD CONSTRAINT "prefetched_labels_carrier_account_id_carrier_accounts_id_fk" FOREIGN KEY ("carrier_account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "prefetched_labels_key_uq" ON "prefetched_labels" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "prefetched_labels_ready_uq" ON "prefetched_labels" USING btree ("order_id") WHERE "prefetched_labels"."status" = 'ready';--> statement-breakpoint
CREATE INDEX "prefetched_labels_order_idx" ON "prefetched_labels" USING btree ("order_id");