import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { planningChangeHorizon, planningChanges } from './planning-changes.schema.ts';

/**
 * Keeps the planning change log short. Each run removes the changes of transactions that had ended when the
 * previous run looked (its `next_below`, the xmin of its snapshot): a memory read since then has seen them
 * all, and one read before learns from `pruned_below` that it must read everything again. The first run
 * (or the first after a truncate) removes nothing and only sets the mark.
 */
export async function prunePlanningChanges(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const [mark] = await tx
      .select({ below: planningChangeHorizon.nextBelow })
      .from(planningChangeHorizon)
      .for('update');
    const [removed] = mark
      ? await rawRows<{ n: number }>(
          tx,
          sql`with gone as (delete from ${planningChanges} where tx < ${mark.below}::xid8 returning 1)
              select count(*)::int n from gone`,
        )
      : [];
    await tx.execute(sql`
      insert into ${planningChangeHorizon} as h (id, pruned_below, next_below)
      values (1, '0', pg_snapshot_xmin(pg_current_snapshot()))
      on conflict (id) do update set pruned_below = h.next_below, next_below = excluded.next_below`);
    return Number(removed?.n ?? 0);
  });
}
