CREATE TABLE "pack_box_lines" (
	"box_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"quantity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pack_boxes" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"seq" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"packaging_code" text,
	"weight_grams" integer,
	"length_cm" integer,
	"width_cm" integer,
	"height_cm" integer,
	"parcel_id" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "printers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"host" text,
	"port" integer DEFAULT 9100 NOT NULL,
	"dpi" integer DEFAULT 203 NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pack_box_lines" ADD CONSTRAINT "pack_box_lines_box_id_pack_boxes_id_fk" FOREIGN KEY ("box_id") REFERENCES "public"."pack_boxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_box_lines" ADD CONSTRAINT "pack_box_lines_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_boxes" ADD CONSTRAINT "pack_boxes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_boxes" ADD CONSTRAINT "pack_boxes_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pack_box_lines_pk" ON "pack_box_lines" USING btree ("box_id","order_line_id");--> statement-breakpoint
CREATE INDEX "pack_box_lines_line_idx" ON "pack_box_lines" USING btree ("order_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pack_boxes_order_seq_uq" ON "pack_boxes" USING btree ("order_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "pack_boxes_open_uq" ON "pack_boxes" USING btree ("order_id") WHERE "pack_boxes"."status" = 'open';