CREATE TABLE "tool_requirements" (
	"installation_type" text NOT NULL,
	"tool_type" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tool_requirements_installation_type_tool_type_pk" PRIMARY KEY("installation_type","tool_type"),
	CONSTRAINT "tool_requirements_quantity" CHECK ("tool_requirements"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "stock_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"from_location_id" uuid NOT NULL,
	"to_location_id" uuid NOT NULL,
	"via_transit" boolean NOT NULL,
	"status" text NOT NULL,
	"send_posting_id" uuid NOT NULL,
	"receive_posting_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	CONSTRAINT "stock_transfers_number_unique" UNIQUE("number"),
	CONSTRAINT "stock_transfers_send_posting_id_unique" UNIQUE("send_posting_id"),
	CONSTRAINT "stock_transfers_received" CHECK (("stock_transfers"."status" = 'received') = ("stock_transfers"."received_at" is not null) and ("stock_transfers"."via_transit" or "stock_transfers"."status" = 'received'))
);
--> statement-breakpoint
CREATE TABLE "van_request_lines" (
	"request_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "van_request_lines_request_id_product_id_pk" PRIMARY KEY("request_id","product_id"),
	CONSTRAINT "van_request_lines_quantity" CHECK ("van_request_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "van_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"team_id" uuid NOT NULL,
	"van_location_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"requested_by" uuid,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"transfer_id" uuid,
	CONSTRAINT "van_requests_number_unique" UNIQUE("number"),
	CONSTRAINT "van_requests_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "van_requests_decision" CHECK (("van_requests"."status" = 'open') = ("van_requests"."decided_at" is null)
          and ("van_requests"."status" = 'declined') = ("van_requests"."decline_reason" is not null)
          and ("van_requests"."status" = 'fulfilled') = ("van_requests"."transfer_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "stock_transfers" ADD CONSTRAINT "stock_transfers_from_location_id_stock_locations_id_fk" FOREIGN KEY ("from_location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_transfers" ADD CONSTRAINT "stock_transfers_to_location_id_stock_locations_id_fk" FOREIGN KEY ("to_location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_transfers" ADD CONSTRAINT "stock_transfers_send_posting_id_stock_postings_id_fk" FOREIGN KEY ("send_posting_id") REFERENCES "public"."stock_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_transfers" ADD CONSTRAINT "stock_transfers_receive_posting_id_stock_postings_id_fk" FOREIGN KEY ("receive_posting_id") REFERENCES "public"."stock_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "van_request_lines" ADD CONSTRAINT "van_request_lines_request_id_van_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."van_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "van_request_lines" ADD CONSTRAINT "van_request_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "van_requests" ADD CONSTRAINT "van_requests_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "van_requests" ADD CONSTRAINT "van_requests_van_location_id_stock_locations_id_fk" FOREIGN KEY ("van_location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "van_requests" ADD CONSTRAINT "van_requests_transfer_id_stock_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."stock_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_transfers_created_idx" ON "stock_transfers" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "van_requests_status_idx" ON "van_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "van_requests_team_idx" ON "van_requests" USING btree ("team_id","requested_at");