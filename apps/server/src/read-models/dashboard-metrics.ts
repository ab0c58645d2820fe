import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { leads } from '../modules/leads/leads.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { visits } from '../modules/planning/planning.schema.ts';
import { quotes } from '../modules/quotes/quotes.schema.ts';

// The tables are named through their schemas, so the read model's dependencies show in its imports.
/**
 * Headline figures for the ops dashboard. Counts come from the planner's statistics-free count(*)
 * today; the command-center issue replaces them with rollups kept current by events.
 */
export async function dashboardMetrics(db: Db, today: string) {
  const result = await db.execute(sql`
    select
      (select count(*)::int from ${customers}) as customers,
      (select count(*)::int from ${partners} where ${partners.status} = 'active') as partners,
      (select count(*)::int from ${leads} where ${leads.status} not in ('converted', 'rejected')) as "openLeads",
      (select count(*)::int from ${quotes}) as quotes,
      (select count(*)::int from ${orders}) as orders,
      (select count(*)::int from ${visits}) as visits,
      (select count(*)::int from ${visits} where ${visits.scheduledDate} = ${today}) as "visitsToday"`);
  const row =
    (result as unknown as { rows: Record<string, number>[] }).rows?.[0] ??
    (result as unknown as Record<string, number>[])[0]!;
  const n = (k: string) => Number(row[k] ?? 0);
  return {
    customers: n('customers'),
    partners: n('partners'),
    openLeads: n('openLeads'),
    quotes: n('quotes'),
    orders: n('orders'),
    visits: n('visits'),
    visitsToday: n('visitsToday'),
    // The PRD's own definitions: visits / orders and orders / quotes.
    executionRate: n('orders') ? Math.round((n('visits') / n('orders')) * 1000) / 10 : 0,
    quoteConversion: n('quotes') ? Math.round((n('orders') / n('quotes')) * 1000) / 10 : 0,
  };
}
