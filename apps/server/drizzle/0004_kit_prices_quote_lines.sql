CREATE TABLE "product_kit_prices" (
	"kit_id" uuid NOT NULL,
	"entity_id" text NOT NULL,
	"price_cents" integer NOT NULL,
	CONSTRAINT "product_kit_prices_kit_id_entity_id_pk" PRIMARY KEY("kit_id","entity_id"),
	CONSTRAINT "product_kit_prices_positive" CHECK ("product_kit_prices"."price_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "product_kits" ADD COLUMN "category_code" text;--> statement-breakpoint
-- Hand-added: an existing kit takes the category of its costliest component (what its price is mostly for).
UPDATE "product_kits" k SET "category_code" = coalesce((
  SELECT p."category_code" FROM "product_kit_items" i JOIN "products" p ON p."id" = i."product_id"
  WHERE i."kit_id" = k."id" ORDER BY p."cost_cents" * i."quantity" DESC, p."sku" LIMIT 1
), 'installation_service');--> statement-breakpoint
ALTER TABLE "product_kits" ALTER COLUMN "category_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "product_kits" ADD COLUMN "vat_rate" integer DEFAULT 21 NOT NULL;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD COLUMN "kit_id" uuid;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "kit_id" uuid;--> statement-breakpoint
ALTER TABLE "product_kit_prices" ADD CONSTRAINT "product_kit_prices_kit_id_product_kits_id_fk" FOREIGN KEY ("kit_id") REFERENCES "public"."product_kits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_kit_prices" ADD CONSTRAINT "product_kit_prices_entity_id_business_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."business_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_kits" ADD CONSTRAINT "product_kits_category_code_product_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."product_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_kit_id_product_kits_id_fk" FOREIGN KEY ("kit_id") REFERENCES "public"."product_kits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_kit_id_product_kits_id_fk" FOREIGN KEY ("kit_id") REFERENCES "public"."product_kits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_kits" ADD CONSTRAINT "product_kits_vat_rate" CHECK ("product_kits"."vat_rate" in (21, 9, 0));--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_product_or_kit" CHECK ("quote_lines"."product_id" is null or "quote_lines"."kit_id" is null);--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_or_kit" CHECK ("order_lines"."product_id" is null or "order_lines"."kit_id" is null);