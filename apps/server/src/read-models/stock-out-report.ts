import { sql } from 'drizzle-orm';
import { rawRows } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { visits } from '../modules/planning/planning.schema.ts';
import { stockOutWarnings } from './material-availability.ts';
import { HOLDING_VISIT_STATUSES } from './visit-materials.ts';

/** The PRD's goal: under 1% of installations delayed by a stock-out. */
export const DELAYED_INSTALLATIONS_GOAL = 0.01;

type VisitShort = {
  visitId: string;
  visitNumber: string;
  date: string;
  block: string | null;
  team: { id: string; name: string } | null;
  order: { id: string; number: string };
  missing: { productId: string; sku: string; name: string; shortBy: number }[];
};

/**
 * Planned visits of a period that will lack a part (see `stockOutWarnings`: free stock and expected
 * receipts handed out in date order), one entry per visit with everything it lacks, and the share of the
 * period's planned installations (every planned visit but a survey) that stock-outs would delay.
 */
export async function stockOutReport(db: DbOrTx, opts: { from: string; to: string; teamId?: string | undefined }) {
  const warnings = await stockOutWarnings(db, opts);
  const [count] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int n from ${visits} v
        where v.status in (${sql.join(
          HOLDING_VISIT_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )}) and v.type <> 'survey' and v.scheduled_date between ${opts.from} and ${opts.to}
        ${opts.teamId ? sql`and v.team_id = ${opts.teamId}` : sql``}`,
  );
  const byVisit = new Map<string, VisitShort>();
  const visitsShort: VisitShort[] = [];
  for (const w of warnings) {
    let entry = byVisit.get(w.visitId);
    if (!entry) {
      entry = {
        visitId: w.visitId,
        visitNumber: w.visitNumber,
        date: w.date,
        block: w.block,
        team: w.teamId ? { id: w.teamId, name: w.teamName ?? '' } : null,
        order: { id: w.orderId, number: w.orderNumber },
        missing: [],
      };
      byVisit.set(w.visitId, entry);
      visitsShort.push(entry);
    }
    entry.missing.push({ productId: w.productId, sku: w.sku, name: w.name, shortBy: w.shortBy });
  }
  const planned = Number(count?.n ?? 0);
  return {
    from: opts.from,
    to: opts.to,
    plannedInstallations: planned,
    delayedInstallations: visitsShort.length,
    share: planned ? visitsShort.length / planned : null,
    goal: DELAYED_INSTALLATIONS_GOAL,
    visits: visitsShort,
  };
}
