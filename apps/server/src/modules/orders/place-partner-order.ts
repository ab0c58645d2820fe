import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { NewPartnerOrder } from '@chargecars/contract';
import { parsePostcode } from '@chargecars/geo';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { vatCategoryForRate } from '../../platform/vat.ts';
import { customerAddressId, type CustomerMatch, type LeadPerson } from '../crm/index.ts';
import { assertActsForPartner, findPartner, qualifiesForReverseCharge } from '../partners/index.ts';
import { MILESTONES, orderLines, orderMilestones, orders } from './orders.schema.ts';

export type PlaceOrderDeps = {
  db: Db;
  attachCustomer: (tx: Tx, person: LeadPerson) => Promise<CustomerMatch>;
  toE164: (phone: string) => string | null;
};

/**
 * A B2B order a partner places for its customer: the customer is matched or created in the unified
 * customer base, the order gets its lines split by who pays, and `order.created` tells the partner.
 */
export async function placePartnerOrder(
  deps: PlaceOrderDeps,
  actor: Actor,
  partnerId: string,
  input: z.infer<typeof NewPartnerOrder>,
) {
  assertActsForPartner(actor, partnerId);
  const partner = await findPartner(deps.db, partnerId);
  if (!partner) throw notFound('Partner');
  const phone = input.customer.phone ? deps.toE164(input.customer.phone) : null;
  const postcode = parsePostcode(input.installationAddress.postcode);
  const errors = [
    ...(input.customer.phone && !phone
      ? [{ field: 'body.customer.phone', message: 'geen geldig telefoonnummer' }]
      : []),
    ...(!postcode
      ? [{ field: 'body.installationAddress.postcode', message: 'postcode moet het formaat 1234 AB hebben' }]
      : []),
  ];
  if (errors.length || !postcode) throw invalid(errors);
  const a = input.installationAddress;
  // The partner's own lines carry reverse charge when it qualifies, as on a quote; the customer's keep their rate.
  const reverseCharge = qualifiesForReverseCharge(partner);
  const lines = input.lines.map((l, i) => ({
    ...l,
    position: i + 1,
    totalCents: Math.round(l.quantity * l.unitPriceCents),
    ...(reverseCharge && l.billTo === 'partner'
      ? { vatRate: 0, vatCategory: 'reverse_charge' as const }
      : { vatCategory: vatCategoryForRate(l.vatRate)! }),
  }));
  const customerTotal = lines.filter((l) => l.billTo === 'customer').reduce((s, l) => s + l.totalCents, 0);
  const partnerTotal = lines.filter((l) => l.billTo === 'partner').reduce((s, l) => s + l.totalCents, 0);
  return deps.db.transaction(async (tx) => {
    const match = await deps.attachCustomer(tx, {
      name: input.customer.name,
      email: input.customer.email.toLowerCase(),
      phone,
      kind: 'consumer',
      companyName: null,
      entityId: partner.entityId,
      partnerId,
      address: {
        postcode: postcode.formatted,
        houseNumber: a.houseNumber,
        addition: a.addition?.toUpperCase() ?? null,
        street: a.street,
        city: a.city,
        municipality: null,
        province: null,
        lat: null,
        lon: null,
      },
    });
    const installationAddressId = await customerAddressId(tx, match.customerId, {
      postcode: postcode.formatted,
      houseNumber: a.houseNumber,
    });
    const number = `ORD-${new Date().getUTCFullYear()}-P${randomBytes(4).toString('hex').toUpperCase()}`;
    const [order] = await tx
      .insert(orders)
      .values({
        number,
        entityId: partner.entityId,
        customerId: match.customerId,
        partnerId,
        installationAddressId,
        stage: 'new',
        progress: 0,
        customerTotalCents: customerTotal,
        partnerTotalCents: partnerTotal,
        totalCents: customerTotal + partnerTotal,
      })
      .returning();
    await tx.insert(orderLines).values(
      lines.map((l) => ({
        orderId: order!.id,
        position: l.position,
        description: l.description,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        vatRate: l.vatRate,
        vatCategory: l.vatCategory,
        billTo: l.billTo,
        totalCents: l.totalCents,
      })),
    );
    await tx.insert(orderMilestones).values(
      MILESTONES.map((code, i) => ({
        orderId: order!.id,
        code,
        position: i + 1,
        reachedAt: code === 'order_received' ? new Date() : null,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'order.created',
      subjectType: 'order',
      subjectId: order!.id,
      after: { number, partnerId, partnerReference: input.partnerReference ?? null, totalCents: order!.totalCents },
    });
    await emitEvent(tx, {
      type: 'order.created',
      subjectType: 'order',
      subjectId: order!.id,
      data: {
        orderId: order!.id,
        number,
        quoteNumber: null,
        partnerReference: input.partnerReference ?? null,
        totalCents: order!.totalCents,
      },
      audience: { partnerId },
    });
    return { id: order!.id, number, stage: order!.stage, totalCents: order!.totalCents, customerId: match.customerId };
  });
}
