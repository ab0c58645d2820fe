CREATE TABLE "stock_replenishment_rules" (
	"product_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"min_quantity" integer NOT NULL,
	"max_quantity" integer NOT NULL,
	CONSTRAINT "stock_replenishment_rules_product_id_location_id_pk" PRIMARY KEY("product_id","location_id"),
	CONSTRAINT "stock_replenishment_rules_range" CHECK ("stock_replenishment_rules"."min_quantity" >= 0 and "stock_replenishment_rules"."max_quantity" > "stock_replenishment_rules"."min_quantity")
);
--> statement-breakpoint
ALTER TABLE "stock_locations" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "stock_replenishment_rules" ADD CONSTRAINT "stock_replenishment_rules_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_replenishment_rules" ADD CONSTRAINT "stock_replenishment_rules_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;