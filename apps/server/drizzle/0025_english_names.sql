ALTER TABLE "product_kits" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "quote_templates" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD COLUMN "specification_en" text;--> statement-breakpoint
ALTER TABLE "quote_versions" ADD COLUMN "change_note_en" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "description_en" text;