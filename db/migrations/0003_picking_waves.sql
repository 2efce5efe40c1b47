CREATE TABLE "pick_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"wave_id" text NOT NULL,
	"order_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"reservation_id" text NOT NULL,
	"bin_id" text NOT NULL,
	"product_id" text NOT NULL,
	"slot" integer NOT NULL,
	"quantity" integer NOT NULL,
	"quantity_picked" integer DEFAULT 0 NOT NULL,
	"quantity_short" integer DEFAULT 0 NOT NULL,
	"quantity_sorted" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"sort_key" integer NOT NULL,
	CONSTRAINT "pick_tasks_quantity_range" CHECK ("pick_tasks"."quantity_picked" >= 0 and "pick_tasks"."quantity_short" >= 0 and "pick_tasks"."quantity_picked" + "pick_tasks"."quantity_short" <= "pick_tasks"."quantity" and "pick_tasks"."quantity_sorted" between 0 and "pick_tasks"."quantity_picked")
);
--> statement-breakpoint
CREATE TABLE "wave_orders" (
	"wave_id" text NOT NULL,
	"order_id" text NOT NULL,
	"slot" integer NOT NULL,
	"tote_code" text,
	"is_open" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waves" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"mode" text DEFAULT 'single' NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"units_total" integer DEFAULT 0 NOT NULL,
	"units_picked" integer DEFAULT 0 NOT NULL,
	"units_short" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"picker_user_id" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waves_units_range" CHECK ("waves"."units_picked" >= 0 and "waves"."units_short" >= 0 and "waves"."units_picked" + "waves"."units_short" <= "waves"."units_total")
);
--> statement-breakpoint
ALTER TABLE "pick_tasks" ADD CONSTRAINT "pick_tasks_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_tasks" ADD CONSTRAINT "pick_tasks_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_tasks" ADD CONSTRAINT "pick_tasks_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_tasks" ADD CONSTRAINT "pick_tasks_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_tasks" ADD CONSTRAINT "pick_tasks_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pick_tasks" ADD CONSTRAINT "pick_tasks_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_orders" ADD CONSTRAINT "wave_orders_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_orders" ADD CONSTRAINT "wave_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pick_tasks_wave_path_idx" ON "pick_tasks" USING btree ("wave_id","status","sort_key");--> statement-breakpoint
CREATE INDEX "pick_tasks_wave_bin_product_idx" ON "pick_tasks" USING btree ("wave_id","bin_id","product_id");--> statement-breakpoint
CREATE INDEX "pick_tasks_reservation_idx" ON "pick_tasks" USING btree ("reservation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wave_orders_wave_order_uq" ON "wave_orders" USING btree ("wave_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wave_orders_open_order_uq" ON "wave_orders" USING btree ("order_id") WHERE "wave_orders"."is_open";--> statement-breakpoint
CREATE UNIQUE INDEX "wave_orders_open_tote_uq" ON "wave_orders" USING btree ("tote_code") WHERE "wave_orders"."is_open" and "wave_orders"."tote_code" is not null;--> statement-breakpoint
CREATE INDEX "waves_status_idx" ON "waves" USING btree ("status","created_at");