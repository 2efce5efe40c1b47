CREATE TABLE "label_prints" (
	"id" text PRIMARY KEY NOT NULL,
	"parcel_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"printed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manifest_parcels" (
	"manifest_id" text NOT NULL,
	"parcel_id" text NOT NULL,
	"scanned_out_at" timestamp with time zone,
	"scanned_out_by" text
);
--> statement-breakpoint
CREATE TABLE "manifests" (
	"id" text PRIMARY KEY NOT NULL,
	"carrier_code" text NOT NULL,
	"carrier_name" text NOT NULL,
	"carrier_account_id" text,
	"parcel_count" integer NOT NULL,
	"weight_grams" integer NOT NULL,
	"closed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_shipping_decisions" (
	"order_id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"rule_id" text,
	"rule_name" text,
	"carrier_account_id" text,
	"service_code" text NOT NULL,
	"packaging" text,
	"reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"carrier_account_id" text,
	"service_code" text NOT NULL,
	"packaging" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "hold_reason" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "held_from_status" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "relay_point_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "channel_external_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "split_from_order_id" text;--> statement-breakpoint
ALTER TABLE "label_prints" ADD CONSTRAINT "label_prints_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manifest_parcels" ADD CONSTRAINT "manifest_parcels_manifest_id_manifests_id_fk" FOREIGN KEY ("manifest_id") REFERENCES "public"."manifests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manifest_parcels" ADD CONSTRAINT "manifest_parcels_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_shipping_decisions" ADD CONSTRAINT "order_shipping_decisions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_rules" ADD CONSTRAINT "shipping_rules_carrier_account_id_carrier_accounts_id_fk" FOREIGN KEY ("carrier_account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "label_prints_parcel_idx" ON "label_prints" USING btree ("parcel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "manifest_parcels_parcel_uq" ON "manifest_parcels" USING btree ("parcel_id");--> statement-breakpoint
CREATE INDEX "manifest_parcels_manifest_idx" ON "manifest_parcels" USING btree ("manifest_id");--> statement-breakpoint
CREATE INDEX "shipping_rules_position_idx" ON "shipping_rules" USING btree ("position");