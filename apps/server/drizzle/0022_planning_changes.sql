CREATE TABLE "planning_change_horizon" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"pruned_below" "xid8" NOT NULL,
	"next_below" "xid8" NOT NULL,
	CONSTRAINT "planning_change_horizon_one_row" CHECK ("planning_change_horizon"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "planning_changes" (
	"tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "planning_changes_tx_kind_key_pk" PRIMARY KEY("tx","kind","key")
);
--> statement-breakpoint
CREATE INDEX "visits_after_visit_idx" ON "visits" USING btree ("after_visit_id");--> statement-breakpoint
-- The planning memory's change log (docs/planning-board.md): every table the board reads records, in the
-- writing transaction, what a memory must read again. Triggers rather than calls in the use cases, so that
-- no writer (another module, a script, a test, psql) can change the board's data without it.
INSERT INTO "planning_change_horizon" ("id", "pruned_below", "next_below")
  VALUES (1, pg_snapshot_xmin(pg_current_snapshot()), pg_snapshot_xmin(pg_current_snapshot()));
--> statement-breakpoint
-- Row triggers: TG_ARGV[0] is the kind, TG_ARGV[1] the column naming the key (old and new row alike).
CREATE FUNCTION planning_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND to_jsonb(OLD) ->> TG_ARGV[1] IS NOT NULL THEN
    INSERT INTO planning_changes (kind, key) VALUES (TG_ARGV[0], to_jsonb(OLD) ->> TG_ARGV[1]) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND to_jsonb(NEW) ->> TG_ARGV[1] IS NOT NULL THEN
    INSERT INTO planning_changes (kind, key) VALUES (TG_ARGV[0], to_jsonb(NEW) ->> TG_ARGV[1]) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Statement triggers: TG_ARGV[0] is the kind, read again whole.
CREATE FUNCTION planning_table_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO planning_changes (kind, key) VALUES (TG_ARGV[0], '') ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER visits_planning_changes AFTER INSERT OR UPDATE OR DELETE ON visits
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('visit', 'id');
--> statement-breakpoint
CREATE TRIGGER teams_planning_changes AFTER INSERT OR UPDATE OR DELETE ON teams
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('team', 'id');
--> statement-breakpoint
CREATE TRIGGER team_regions_planning_changes AFTER INSERT OR UPDATE OR DELETE ON team_regions
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('team', 'team_id');
--> statement-breakpoint
CREATE TRIGGER technicians_planning_changes AFTER INSERT OR UPDATE OR DELETE ON technicians
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('team', 'team_id');
--> statement-breakpoint
CREATE TRIGGER team_absences_planning_changes AFTER INSERT OR UPDATE OR DELETE ON team_absences
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('team', 'team_id');
--> statement-breakpoint
-- A technician login counts as a member of its team; other users' changes (a login time) do not matter.
CREATE TRIGGER users_planning_changes_insert AFTER INSERT OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('team', 'team_id');
--> statement-breakpoint
CREATE TRIGGER users_planning_changes_update AFTER UPDATE ON users
  FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.role IS DISTINCT FROM NEW.role)
  EXECUTE FUNCTION planning_row_changed('team', 'team_id');
--> statement-breakpoint
CREATE TRIGGER regions_planning_changes AFTER INSERT OR UPDATE OR DELETE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('teams');
--> statement-breakpoint
-- A new order, customer or address has no visit yet (the visit's own row is recorded when it comes).
CREATE TRIGGER orders_planning_changes AFTER UPDATE ON orders
  FOR EACH ROW WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.number IS DISTINCT FROM NEW.number)
  EXECUTE FUNCTION planning_row_changed('order', 'id');
--> statement-breakpoint
CREATE TRIGGER order_lines_planning_changes AFTER INSERT OR DELETE ON order_lines
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('order', 'order_id');
--> statement-breakpoint
CREATE TRIGGER order_lines_planning_changes_update AFTER UPDATE ON order_lines
  FOR EACH ROW WHEN (OLD.order_id IS DISTINCT FROM NEW.order_id OR OLD.product_id IS DISTINCT FROM NEW.product_id
    OR OLD.kit_id IS DISTINCT FROM NEW.kit_id OR OLD.quantity IS DISTINCT FROM NEW.quantity)
  EXECUTE FUNCTION planning_row_changed('order', 'order_id');
--> statement-breakpoint
CREATE TRIGGER customers_planning_changes AFTER UPDATE ON customers
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION planning_row_changed('customer', 'id');
--> statement-breakpoint
CREATE TRIGGER addresses_planning_changes AFTER UPDATE ON addresses
  FOR EACH ROW WHEN (OLD.postcode IS DISTINCT FROM NEW.postcode OR OLD.city IS DISTINCT FROM NEW.city
    OR OLD.lat IS DISTINCT FROM NEW.lat OR OLD.lon IS DISTINCT FROM NEW.lon)
  EXECUTE FUNCTION planning_row_changed('address', 'id');
--> statement-breakpoint
CREATE TRIGGER stock_balances_planning_changes AFTER INSERT OR UPDATE OR DELETE ON stock_balances
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('stock', 'product_id');
--> statement-breakpoint
CREATE TRIGGER stock_reservations_planning_changes AFTER INSERT OR UPDATE OR DELETE ON stock_reservations
  FOR EACH ROW EXECUTE FUNCTION planning_row_changed('held', 'visit_id');
--> statement-breakpoint
CREATE TRIGGER stock_locations_planning_changes AFTER UPDATE OR DELETE ON stock_locations
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('stock_all');
--> statement-breakpoint
CREATE TRIGGER purchase_orders_planning_changes AFTER INSERT OR UPDATE OR DELETE ON purchase_orders
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('receipts');
--> statement-breakpoint
CREATE TRIGGER purchase_order_lines_planning_changes AFTER INSERT OR UPDATE OR DELETE ON purchase_order_lines
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('receipts');
--> statement-breakpoint
CREATE TRIGGER products_planning_changes AFTER INSERT OR UPDATE OR DELETE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('catalog');
--> statement-breakpoint
CREATE TRIGGER product_kit_items_planning_changes AFTER INSERT OR UPDATE OR DELETE ON product_kit_items
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('catalog');
--> statement-breakpoint
-- A truncate (the seed's --reset) removes rows without row triggers: every memory loads everything again.
CREATE TRIGGER visits_planning_truncate AFTER TRUNCATE ON visits
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('all');
--> statement-breakpoint
CREATE TRIGGER teams_planning_truncate AFTER TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('all');
--> statement-breakpoint
CREATE TRIGGER team_absences_planning_truncate AFTER TRUNCATE ON team_absences
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('all');
--> statement-breakpoint
CREATE TRIGGER stock_balances_planning_truncate AFTER TRUNCATE ON stock_balances
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('all');
--> statement-breakpoint
CREATE TRIGGER stock_reservations_planning_truncate AFTER TRUNCATE ON stock_reservations
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('all');
--> statement-breakpoint
CREATE TRIGGER purchase_orders_planning_truncate AFTER TRUNCATE ON purchase_orders
  FOR EACH STATEMENT EXECUTE FUNCTION planning_table_changed('all');
