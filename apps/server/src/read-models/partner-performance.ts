import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import type { Actor } from '../platform/http/actor.ts';
import { leads } from '../modules/leads/leads.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { assertActsForPartner } from '../modules/partners/partner-scope.ts';

/**
 * The partner feedback loop (PRD process 1): how the partner's leads fared over a period, and its
 * orders. Conversion counts leads that became a quote-ready or converted lead.
 */
export async function partnerPerformance(db: Db, actor: Actor, partnerId: string, days: number, now = new Date()) {
  assertActsForPartner(actor, partnerId);
  const since = new Date(now.getTime() - days * 86_400_000);
  const [leadRows, orderRows] = await Promise.all([
    db
      .select({
        status: leads.status,
        n: sql<number>`count(*)::int`,
        avgScore: sql<number | null>`avg(${leads.score})::float`,
      })
      .from(leads)
      .where(and(eq(leads.partnerId, partnerId), gte(leads.receivedAt, since)))
      .groupBy(leads.status),
    db
      .select({ stage: orders.stage, n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(eq(orders.partnerId, partnerId), gte(orders.createdAt, since)))
      .groupBy(orders.stage),
  ]);
  const byStatus = Object.fromEntries(leadRows.map((r) => [r.status, r.n]));
  const total = leadRows.reduce((s, r) => s + r.n, 0);
  const won = (byStatus.qualified ?? 0) + (byStatus.converted ?? 0);
  const scored = leadRows.filter((r) => r.avgScore !== null);
  const avgScore = scored.length
    ? scored.reduce((s, r) => s + (r.avgScore ?? 0) * r.n, 0) / scored.reduce((s, r) => s + r.n, 0)
    : null;
  return {
    partnerId,
    since: since.toISOString(),
    days,
    leads: {
      total,
      byStatus,
      qualificationRate: total ? won / total : 0,
      conversionRate: total ? (byStatus.converted ?? 0) / total : 0,
      averageScore: avgScore === null ? null : Math.round(avgScore),
    },
    orders: {
      total: orderRows.reduce((s, r) => s + r.n, 0),
      completed: orderRows
        .filter((r) => ['completed', 'invoiced', 'closed'].includes(r.stage))
        .reduce((s, r) => s + r.n, 0),
    },
  };
}
