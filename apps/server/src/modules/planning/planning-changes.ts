import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { planningChangeHorizon, planningChanges, type PLANNING_CHANGE_KINDS } from './planning-changes.schema.ts';

export type ChangeKind = (typeof PLANNING_CHANGE_KINDS)[number];
export type Change = { kind: ChangeKind; key: string };
/** A database snapshot (`pg_current_snapshot()` as text) and its xmin: every transaction below it had ended. */
export type Snapshot = { text: string; xmin: bigint };

const snapshotOf = (text: string): Snapshot => ({ text, xmin: BigInt(text.split(':')[0]!) });

/**
 * The database's snapshot now, and the changes committed since `since` (what `since` did not see and
 * this snapshot does), in one statement, so that both describe the same moment. `stale`: the change log
 * was pruned past `since`, or `since` is none; then only a full read is sound.
 */
export async function changesSince(
  db: DbOrTx,
  since: Snapshot | null,
): Promise<{ now: Snapshot; changes: Change[]; stale: boolean }> {
  const [row] = await rawRows<{ snapshot: string; pruned_below: string | null; changes: [ChangeKind, string][] }>(
    db,
    since
      ? sql`select pg_current_snapshot()::text snapshot,
              (select pruned_below::text from ${planningChangeHorizon}) pruned_below,
              coalesce((select json_agg(json_build_array(c.kind, c.key)) from ${planningChanges} c
                where c.tx >= pg_snapshot_xmin(${since.text}::pg_snapshot)
                  and not pg_visible_in_snapshot(c.tx, ${since.text}::pg_snapshot)), '[]'::json) changes`
      : sql`select pg_current_snapshot()::text snapshot, null pruned_below, '[]'::json changes`,
  );
  const changes = (typeof row!.changes === 'string' ? JSON.parse(row!.changes) : row!.changes) as [
    ChangeKind,
    string,
  ][];
  return {
    now: snapshotOf(row!.snapshot),
    changes: changes.map(([kind, key]) => ({ kind, key })),
    stale: !since || since.xmin < BigInt(row!.pruned_below ?? 0),
  };
}
