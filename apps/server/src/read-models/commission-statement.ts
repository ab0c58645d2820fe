import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { partnerAgreements, partners } from '../modules/partners/partners.schema.ts';
import { monthBounds } from '../platform/calendar.ts';

/** A timestamp's calendar day in Amsterdam lies within [from, to]: months follow local time, summer and winter. */
export const localDateBetween = (column: typeof orders.createdAt, from: string, to: string) =>
  sql`(${column} at time zone 'Europe/Amsterdam')::date between ${from}::date and ${to}::date`;

type Agreement = typeof partnerAgreements.$inferSelect;
export const CONVERTED = [
  'new',
  'materials',
  'scheduled',
  'in_progress',
  'completed',
  'invoiced',
  'closed',
  'on_hold',
] as const;

/**
 * What one agreement pays for a month's converted leads (orders, not cancelled): a percentage of each
 * order's value excl. VAT, a fixed amount per order, or the percentage of the tier the month's
 * volume reached (the tier applies to every order of that month).
 */
export function commissionFor(
  agreement: Agreement,
  ordersOfMonth: readonly { totalCents: number }[],
): { basisPoints: number | null; perOrder: number[] } {
  if (agreement.commissionType === 'fixed_per_lead')
    return { basisPoints: null, perOrder: ordersOfMonth.map(() => agreement.commissionFixedCents ?? 0) };
  const bp =
    agreement.commissionType === 'percentage'
      ? (agreement.commissionBasisPoints ?? 0)
      : agreement.commissionType === 'tiered'
        ? ([...(agreement.commissionTiers ?? [])]
            .sort((a, b) => b.fromOrders - a.fromOrders)
            .find((t) => ordersOfMonth.length >= t.fromOrders)?.basisPoints ?? 0)
        : 0;
  return { basisPoints: bp, perOrder: ordersOfMonth.map((o) => Math.round((o.totalCents * bp) / 10_000)) };
}

/** A partner's commission statement for a month (YYYY-MM), one section per agreement (entity). */
export async function commissionStatement(db: DbOrTx, partnerId: string, month: string) {
  const { from, to } = monthBounds(month);
  const [partner] = await db
    .select({ name: partners.name, category: partners.category })
    .from(partners)
    .where(eq(partners.id, partnerId));
  const agreements = await db.select().from(partnerAgreements).where(eq(partnerAgreements.partnerId, partnerId));
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      entityId: orders.entityId,
      totalCents: orders.totalCents,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(
      and(
        eq(orders.partnerId, partnerId),
        inArray(orders.stage, [...CONVERTED]),
        localDateBetween(orders.createdAt, from, to),
      ),
    )
    .orderBy(asc(orders.createdAt));
  const sections = agreements
    .filter((a) => a.commissionType !== 'none')
    .map((a) => {
      const own = rows.filter((o) => o.entityId === a.entityId);
      const { basisPoints, perOrder } = commissionFor(a, own);
      return {
        entityId: a.entityId,
        commissionType: a.commissionType,
        basisPoints,
        lines: own.map((o, i) => ({
          orderId: o.id,
          orderNumber: o.number,
          orderTotalCents: o.totalCents,
          commissionCents: perOrder[i]!,
          createdAt: o.createdAt.toISOString(),
        })),
        totalCents: perOrder.reduce((x, y) => x + y, 0),
      };
    });
  const totalCents = sections.reduce((x, s) => x + s.totalCents, 0);
  return {
    partnerId,
    partnerName: partner?.name ?? '',
    month,
    sections,
    totalCents,
    noCommissionReason: totalCents > 0 ? null : noCommissionReason(agreements, rows),
  };
}

/** Why a month earns the partner nothing, in the order a person would check it. */
function noCommissionReason(agreements: readonly Agreement[], rows: readonly { entityId: string }[]) {
  if (!agreements.length) return 'no_agreement' as const;
  const paying = agreements.filter(
    (a) =>
      (a.commissionType === 'percentage' && (a.commissionBasisPoints ?? 0) > 0) ||
      (a.commissionType === 'fixed_per_lead' && (a.commissionFixedCents ?? 0) > 0) ||
      (a.commissionType === 'tiered' && (a.commissionTiers ?? []).some((t) => t.basisPoints > 0)),
  );
  if (!paying.length) return 'no_commission_agreed' as const;
  if (!rows.some((o) => paying.some((a) => a.entityId === o.entityId))) return 'no_orders_in_month' as const;
  return 'below_first_tier' as const;
}
