import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** A 64-bit transaction id (`pg_current_xact_id()`), compared with a snapshot by `pg_visible_in_snapshot`. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * What the planning memory (planning-memory.ts) must read again: `team` (a team, its
 * regions, technicians or absences), `teams` (all of them: a region changed), `visit`, `order`
 * (its stage or lines), `customer` (its name), `address`, `held` (a visit's reservations), `stock` (a
 * product's balances), `stock_all` (a location's kind), `receipts` (open purchase orders), `catalog`
 * (products and kits), `all` (everything: a table was truncated).
 */
export const PLANNING_CHANGE_KINDS = [
  'team',
  'teams',
  'visit',
  'order',
  'customer',
  'address',
  'held',
  'stock',
  'stock_all',
  'receipts',
  'catalog',
  'all',
] as const;

/**
 * One row per transaction, kind and key ('' for all of a kind), written by triggers on every table the
 * planning board reads (migration `planning_changes`), whichever module or script writes it. A memory
 * that read the database at snapshot S applies exactly the rows whose transaction S did not see.
 */
export const planningChanges = pgTable(
  'planning_changes',
  {
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
    kind: text('kind', { enum: PLANNING_CHANGE_KINDS }).notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tx, t.kind, t.key] })],
);

/**
 * How far the change log has been pruned: rows of transactions below `pruned_below` may be gone, so a
 * memory whose snapshot is older (its xmin below it) loads everything again. Each prune removes what lies
 * below the horizon the previous prune saw (`next_below`), so a memory read since then keeps its place.
 */
export const planningChangeHorizon = pgTable(
  'planning_change_horizon',
  {
    id: integer('id').primaryKey().default(1),
    prunedBelow: xid8('pruned_below').notNull(),
    nextBelow: xid8('next_below').notNull(),
  },
  (t) => [check('planning_change_horizon_one_row', sql`${t.id} = 1`)],
);
