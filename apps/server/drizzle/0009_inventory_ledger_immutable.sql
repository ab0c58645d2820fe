-- Custom SQL migration file, put your code below! ---- The stock ledger is append-only: a correction is a new move, never an edit (docs/ARCHITECTURE.md, Inventory).
CREATE FUNCTION stock_ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'het voorraadgrootboek is onveranderlijk: boek een correctie in plaats van % op %', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER stock_moves_immutable BEFORE UPDATE OR DELETE ON stock_moves
  FOR EACH ROW EXECUTE FUNCTION stock_ledger_immutable();
--> statement-breakpoint
CREATE TRIGGER stock_postings_immutable BEFORE UPDATE OR DELETE ON stock_postings
  FOR EACH ROW EXECUTE FUNCTION stock_ledger_immutable();
