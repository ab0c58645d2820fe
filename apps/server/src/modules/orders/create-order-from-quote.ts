import { and, desc, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import type { VatCategory } from '../../platform/vat.ts';
import { customerAddressId } from '../crm/index.ts';
import type { QuoteDocument } from '../quotes/index.ts';
import {
  MILESTONES,
  orderEvents,
  orderLines,
  orderMilestones,
  orders,
  orderVisitRequirements,
} from './orders.schema.ts';
import { sentence, storedReason } from '../../platform/sentences/sentences.ts';

export type SignedQuote = {
  quote: { id: string; number: string; entityId: string; customerId: string; partnerId: string | null };
  lines: {
    position: number;
    productId: string | null;
    kitId: string | null;
    description: string;
    descriptionEn: string | null;
    quantity: number;
    unitPriceCents: number;
    vatRate: number;
    vatCategory: VatCategory;
    billTo: 'customer' | 'partner';
    totalCents: number;
  }[];
  visits: { sequence: number; type: 'survey' | 'installation' | 'meter_replacement'; durationMinutes: number }[];
};

/**
 * What the last signature runs (the quotes module receives it as `createOrder`): the signed version's
 * lines and visits become the order, in the signing transaction. The system acts, not the signer.
 */
export function createOrderFromSignedQuote(tx: Tx, doc: QuoteDocument) {
  return createOrderFromQuote(tx, SYSTEM_ACTOR, {
    quote: doc.quote,
    lines: doc.lines.map((l) => ({ ...l, quantity: Number(l.quantity) })),
    visits: doc.visits,
  });
}

/** The order of a fully signed quote, in the signing transaction: its lines, visit requirements and first milestone. */
export async function createOrderFromQuote(tx: Tx, actor: Actor, signed: SignedQuote) {
  const { quote } = signed;
  const year = new Date().getUTCFullYear();
  // Human numbers per year: the advisory lock (held to commit) keeps two signings from taking the same one.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('order-number'))`);
  // Zero-padded numbers sort as text, so the unique index on number finds the last one directly.
  const [last] = await tx
    .select({ number: orders.number })
    .from(orders)
    .where(and(gte(orders.number, `ORD-${year}-`), lt(orders.number, `ORD-${year + 1}-`)))
    .orderBy(desc(orders.number))
    .limit(1);
  const number = `ORD-${year}-${String(Number(last?.number.slice(9) ?? 0) + 1).padStart(6, '0')}`;
  const installationAddressId = await customerAddressId(tx, quote.customerId);
  const customerTotal = signed.lines.filter((l) => l.billTo === 'customer').reduce((a, l) => a + l.totalCents, 0);
  const partnerTotal = signed.lines.filter((l) => l.billTo === 'partner').reduce((a, l) => a + l.totalCents, 0);
  const [order] = await tx
    .insert(orders)
    .values({
      number,
      entityId: quote.entityId,
      customerId: quote.customerId,
      partnerId: quote.partnerId,
      quoteId: quote.id,
      installationAddressId,
      stage: 'new',
      progress: 5,
      customerTotalCents: customerTotal,
      partnerTotalCents: partnerTotal,
      totalCents: customerTotal + partnerTotal,
    })
    .returning();
  await tx.insert(orderLines).values(
    signed.lines.map((l) => ({
      orderId: order!.id,
      position: l.position,
      productId: l.productId,
      kitId: l.kitId,
      description: l.description,
      descriptionEn: l.descriptionEn,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      billTo: l.billTo,
      totalCents: l.totalCents,
    })),
  );
  if (signed.visits.length)
    await tx.insert(orderVisitRequirements).values(signed.visits.map((v) => ({ ...v, orderId: order!.id })));
  await tx.insert(orderMilestones).values(
    MILESTONES.map((code, i) => ({
      orderId: order!.id,
      code,
      position: i + 1,
      reachedAt: code === 'order_received' ? new Date() : null,
    })),
  );
  await tx.insert(orderEvents).values({
    orderId: order!.id,
    kind: 'created',
    toStage: 'new',
    ...storedReason(sentence('order.created_from_quote', { quote: quote.number })),
    actorName: actor.name,
  });
  await recordAudit(tx, actor, {
    action: 'order.created',
    subjectType: 'order',
    subjectId: order!.id,
    after: { number, quoteId: quote.id, totalCents: order!.totalCents },
  });
  await emitEvent(tx, {
    type: 'order.created',
    subjectType: 'order',
    subjectId: order!.id,
    data: { orderId: order!.id, number, quoteNumber: quote.number, partnerReference: null, totalCents: null },
    audience: { partnerId: quote.partnerId, customerId: quote.customerId },
  });
  return { id: order!.id, number };
}
