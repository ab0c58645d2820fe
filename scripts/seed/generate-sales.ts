import { createHash } from 'node:crypto';
import * as s from '../../apps/server/src/platform/db/schema.ts';
import type { Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import type { DemoCustomer } from './generate-customers.ts';
import { buildLines, type DemoLine } from './build-lines.ts';
import { addDays, localDate, pad, uuidFrom, type Counts } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type Stage = (typeof s.ORDER_STAGES)[number];
type VisitRequirement = Omit<Insert<typeof s.quoteVisitRequirements>, 'quoteVersionId'>;
export type DemoOrder = Insert<typeof s.orders> & {
  id: string;
  createdAt: Date;
  stage: Stage;
  customer: DemoCustomer;
  lines: DemoLine[];
  completedAt: Date | null;
  visitRequirements?: VisitRequirement[];
};

const WEBSHOP = new Set(['zaptecshop', 'ratioshop']);
const DAY = 86_400_000;

/** Stage by age: old orders are closed, recent ones still on their way (PRD stages). */
function stageFor(rng: Rng, ageDays: number): Stage {
  if (rng.chance(0.015)) return 'on_hold';
  if (rng.chance(0.02)) return 'cancelled';
  if (ageDays > 75)
    return rng.weighted([
      ['closed', 88],
      ['invoiced', 9],
      ['completed', 3],
    ] as const);
  if (ageDays > 40)
    return rng.weighted([
      ['invoiced', 45],
      ['closed', 35],
      ['completed', 20],
    ] as const);
  if (ageDays > 21)
    return rng.weighted([
      ['completed', 35],
      ['in_progress', 15],
      ['scheduled', 40],
      ['invoiced', 10],
    ] as const);
  if (ageDays > 7)
    return rng.weighted([
      ['scheduled', 60],
      ['materials', 25],
      ['new', 15],
    ] as const);
  return rng.weighted([
    ['new', 55],
    ['materials', 25],
    ['scheduled', 20],
  ] as const);
}
const PROGRESS: Record<Stage, number> = {
  new: 5,
  materials: 20,
  scheduled: 35,
  in_progress: 60,
  completed: 85,
  invoiced: 95,
  closed: 100,
  on_hold: 30,
  cancelled: 0,
};

/**
 * Orders and quotes whose counts match the PRD: 5,576 orders from 5,321 quotes (104.8%) because the
 * wholesale shops take orders without a quote.
 */
export function generateSales(rng: Rng, counts: Counts, ref: Reference, customers: DemoCustomer[], now: Date) {
  const partnerById = new Map(ref.partners.map((p) => [p.row.id, p]));
  const contractors = ref.partners.filter((p) => p.row.category === 'B2BContractor' && p.row.status === 'active');
  const order = rng.shuffle(customers.map((_, i) => i));
  const withOrder = Math.round(counts.orders * 0.93);
  const second = counts.orders - withOrder;

  const orders: DemoOrder[] = [];
  const makeOrder = (c: DemoCustomer, earliest: Date) => {
    const entityId = c.sourceEntityId;
    const buyer = WEBSHOP.has(entityId)
      ? contractors.length
        ? rng.pick(contractors)
        : null
      : c.sourcePartnerId
        ? partnerById.get(c.sourcePartnerId)!
        : null;
    const agreement = buyer
      ? WEBSHOP.has(entityId)
        ? ['charging_station', 'cable_accessory', 'mounting', 'installation_service', 'meter_cabinet', 'smart_meter']
        : buyer.demo.billing.partnerPays
      : null;
    const lines = buildLines(
      rng,
      ref,
      entityId,
      agreement,
      buyer?.row.vatNumber != null && buyer.row.category === 'B2BContractor',
    );
    const span = Math.max(1, Math.floor((now.getTime() - earliest.getTime()) / DAY) - 1);
    const createdAt = new Date(earliest.getTime() + rng.int(1, span) * DAY);
    const age = Math.floor((now.getTime() - createdAt.getTime()) / DAY);
    const stage = stageFor(rng, age);
    const customerTotal = lines.filter((l) => l.billTo === 'customer').reduce((a, l) => a + l.totalCents, 0);
    const partnerTotal = lines.filter((l) => l.billTo === 'partner').reduce((a, l) => a + l.totalCents, 0);
    const completedAt = ['completed', 'invoiced', 'closed'].includes(stage)
      ? new Date(Math.min(now.getTime() - DAY, createdAt.getTime() + rng.int(10, 35) * DAY))
      : null;
    orders.push({
      id: uuidFrom(rng),
      number: '',
      entityId,
      customerId: c.id,
      partnerId: buyer?.row.id ?? null,
      installationAddressId: c.address.id,
      stage,
      stageReason:
        stage === 'on_hold'
          ? rng.pick(['Wacht op netbeheerder', 'Klant op vakantie', 'Materiaal nabesteld'])
          : stage === 'cancelled'
            ? rng.pick(['Klant heeft afgezien', 'Technisch niet mogelijk'])
            : null,
      progress: PROGRESS[stage],
      customerTotalCents: customerTotal,
      partnerTotalCents: partnerTotal,
      totalCents: customerTotal + partnerTotal,
      createdAt,
      updatedAt: completedAt ?? createdAt,
      completedAt,
      customer: c,
      lines,
    });
  };
  for (let k = 0; k < withOrder; k++) makeOrder(customers[order[k]!]!, customers[order[k]!]!.createdAt);
  for (let k = 0; k < second; k++) makeOrder(customers[order[k]!]!, customers[order[k]!]!.createdAt);
  orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  orders.forEach((o, i) => {
    o.number = `ORD-${o.createdAt.getUTCFullYear()}-${pad(i + 1, 6)}`;
  });
  for (const o of orders) o.customer.status = 'customer';

  // Quotes: one signed quote per non-webshop order, the rest open or lost with prospects.
  const quotes: Insert<typeof s.quotes>[] = [];
  const versions: Insert<typeof s.quoteVersions>[] = [];
  const quoteLines: Insert<typeof s.quoteLines>[] = [];
  const requirements: Insert<typeof s.quoteVisitRequirements>[] = [];
  const signatures: Insert<typeof s.quoteSignatures>[] = [];
  // Signatures draw from their own stream, so adding them left the rest of the demo data as it was.
  const signatureRng = rng.fork('signatures');
  const addQuote = (
    c: DemoCustomer,
    entityId: string,
    partnerId: string | null,
    lines: DemoLine[],
    createdAt: Date,
    status: (typeof s.QUOTE_STATUSES)[number],
  ) => {
    const id = uuidFrom(rng);
    const twoVersions = rng.chance(0.1);
    quotes.push({
      id,
      number: '',
      entityId,
      customerId: c.id,
      partnerId,
      status,
      currentVersion: twoVersions ? 2 : 1,
      validUntil: localDate(addDays(createdAt, 30)),
      createdAt,
      sentAt: status === 'draft' ? null : createdAt,
      signedAt: status === 'signed' ? addDays(createdAt, rng.int(1, 10)) : null,
    });
    for (let v = 1; v <= (twoVersions ? 2 : 1); v++) {
      const versionId = uuidFrom(rng);
      const vLines = v === 1 && twoVersions ? lines.slice(0, Math.max(1, lines.length - 1)) : lines;
      versions.push({
        id: versionId,
        quoteId: id,
        version: v,
        customerTotalCents: vLines.filter((l) => l.billTo === 'customer').reduce((a, l) => a + l.totalCents, 0),
        partnerTotalCents: vLines.filter((l) => l.billTo === 'partner').reduce((a, l) => a + l.totalCents, 0),
        createdAt: addDays(createdAt, v - 1),
      });
      vLines.forEach((l, i) =>
        quoteLines.push({
          quoteVersionId: versionId,
          position: i + 1,
          productId: l.productId,
          category: l.category as s.ProductCategory,
          description: l.description,
          specification: l.specification,
          descriptionEn: l.descriptionEn,
          specificationEn: l.specificationEn,
          quantity: l.quantity,
          unitPriceCents: l.unitPriceCents,
          vatRate: l.vatRate,
          vatCategory: l.vatCategory,
          billTo: l.billTo,
          billingRule: l.billingRule,
          totalCents: l.totalCents,
        }),
      );
      const labour = vLines.reduce((a, l) => a + l.labourMinutes, 0);
      const needsCabinet = vLines.some((l) => l.category === 'meter_cabinet');
      const own: VisitRequirement[] = [];
      if (labour > 0) {
        own.push({
          sequence: 1,
          type: entityId === 'meterkastthuis' ? 'meter_replacement' : 'installation',
          durationMinutes: Math.max(60, Math.round(labour / 30) * 30),
        });
        if (needsCabinet && entityId !== 'meterkastthuis')
          own.push({ sequence: 2, type: 'meter_replacement', durationMinutes: 120 });
      }
      for (const r of own) requirements.push({ ...r, quoteVersionId: versionId });
      // The order carries what the signed (last) version asked for.
      finalRequirements = own;
      if (v === (twoVersions ? 2 : 1)) {
        const partnerName = partnerId ? (partnerById.get(partnerId)?.row.name ?? null) : null;
        const validUntil = localDate(addDays(createdAt, 30));
        const q = { id, versionId, status, partnerId, partnerName, customerName: c.name, validUntil };
        signatures.push(...demoSignatures(signatureRng, q, vLines));
      }
    }
    return id;
  };
  let finalRequirements: VisitRequirement[] = [];
  for (const o of orders) {
    if (WEBSHOP.has(o.entityId)) continue;
    o.quoteId = addQuote(
      o.customer,
      o.entityId,
      o.partnerId ?? null,
      o.lines,
      addDays(o.createdAt, -rng.int(3, 20)),
      'signed',
    );
    o.visitRequirements = finalRequirements;
  }
  const prospects = customers.filter((c) => c.status === 'lead' && !WEBSHOP.has(c.sourceEntityId));
  let p = 0;
  while (quotes.length < counts.quotes && p < prospects.length) {
    const c = prospects[p++]!;
    const partner = c.sourcePartnerId ? partnerById.get(c.sourcePartnerId)! : null;
    const lines = buildLines(
      rng,
      ref,
      c.sourceEntityId,
      partner ? partner.demo.billing.partnerPays : null,
      partner?.row.vatNumber != null && partner.row.category === 'B2BContractor',
    );
    const createdAt = addDays(now, -rng.int(1, 200));
    const age = (now.getTime() - createdAt.getTime()) / DAY;
    const status =
      age > 30
        ? rng.weighted([
            ['expired', 6],
            ['declined', 4],
          ] as const)
        : rng.weighted([
            ['sent', 6],
            ['draft', 2],
            ['partially_signed', 2],
          ] as const);
    addQuote(c, c.sourceEntityId, c.sourcePartnerId ?? null, lines, createdAt, status);
    c.status = 'prospect';
  }
  quotes.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  quotes.forEach((q, i) => {
    q.number = `OFF-${q.createdAt!.getUTCFullYear()}-${pad(i + 1, 6)}`;
  });
  // A signature's sign time is the quote's: the rows above were made before the quotes had their dates.
  const signedAt = new Map(quotes.map((q) => [q.id!, q.signedAt ?? q.sentAt ?? q.createdAt!]));
  for (const sig of signatures) if (sig.usedAt) sig.usedAt = signedAt.get(sig.quoteId) ?? sig.usedAt;
  return { orders, quotes, versions, quoteLines, requirements, signatures };
}

export function orderRows(orders: DemoOrder[]) {
  const rows: Insert<typeof s.orders>[] = [];
  const lines: Insert<typeof s.orderLines>[] = [];
  const milestones: Insert<typeof s.orderMilestones>[] = [];
  const visitRequirements: Insert<typeof s.orderVisitRequirements>[] = [];
  const events: Insert<typeof s.orderEvents>[] = [];
  const reachedBy: Record<(typeof s.MILESTONES)[number], number> = {
    order_received: 0,
    materials_ready: 20,
    visit_scheduled: 35,
    installation_done: 85,
    invoiced: 95,
    paid: 100,
  };
  for (const { customer: _c, lines: l, visitRequirements: reqs, ...o } of orders) {
    rows.push(o);
    l.forEach((line, i) =>
      lines.push({
        orderId: o.id,
        position: i + 1,
        productId: line.productId,
        description: line.description,
        descriptionEn: line.descriptionEn,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        vatRate: line.vatRate,
        vatCategory: line.vatCategory,
        billTo: line.billTo,
        totalCents: line.totalCents,
        invoicedAt: line.invoicedAt ?? null,
      }),
    );
    for (const r of reqs ?? []) visitRequirements.push({ ...r, orderId: o.id });
    events.push({ orderId: o.id, at: o.createdAt, kind: 'created', toStage: 'new', actorName: 'Systeem' });
    if (o.stage !== 'new')
      events.push({
        orderId: o.id,
        at: o.updatedAt ?? o.createdAt,
        kind: 'stage_changed',
        fromStage: 'new',
        toStage: o.stage,
        reason: o.stageReason ?? null,
        actorName: 'Systeem',
      });
    s.MILESTONES.forEach((code, i) => {
      const reached = o.stage !== 'cancelled' && (o.progress ?? 0) >= reachedBy[code];
      const at =
        code === 'order_received'
          ? o.createdAt
          : o.completedAt && reached
            ? o.completedAt
            : reached
              ? o.createdAt
              : null;
      milestones.push({ orderId: o.id, code, position: i + 1, reachedAt: reached ? at : null });
    });
  }
  return { rows, lines, milestones, visitRequirements, events };
}

/**
 * The signature rows of a quote's current version, as signing would have left them: each side that pays
 * a line signs (a partner only if there is one); a signed quote has all of them signed, a partially signed
 * one the customer's, a sent one both pending. Demo links are never mailed, so their tokens are random
 * and the document hash is of the signer's lines only (not the whole signed part).
 */
function demoSignatures(
  rng: Rng,
  q: {
    id: string;
    versionId: string;
    status: (typeof s.QUOTE_STATUSES)[number];
    partnerId: string | null;
    partnerName: string | null;
    customerName: string;
    validUntil: string;
  },
  lines: DemoLine[],
): Insert<typeof s.quoteSignatures>[] {
  if (q.status === 'draft') return [];
  const roles = (['customer', 'partner'] as const).filter(
    (role) => lines.some((l) => l.billTo === role) && (role === 'customer' || q.partnerId !== null),
  );
  return roles.map((role) => {
    const signed = q.status === 'signed' || (q.status === 'partially_signed' && role === 'customer');
    const status = signed ? 'signed' : q.status === 'declined' && role === 'customer' ? 'declined' : 'pending';
    const own = lines.filter((l) => l.billTo === role);
    return {
      quoteId: q.id,
      quoteVersionId: q.versionId,
      role,
      tokenHash: createHash('sha256').update(uuidFrom(rng)).digest('hex'),
      expiresAt: new Date(`${q.validUntil}T23:00:00Z`),
      status,
      signerName: signed ? (role === 'customer' ? q.customerName : q.partnerName) : null,
      method: signed ? ('typed' as const) : null,
      declineReason: status === 'declined' ? 'Te duur' : null,
      documentSha256: createHash('sha256')
        .update(JSON.stringify(own.map((l) => [l.description, l.quantity, l.totalCents])))
        .digest('hex'),
      usedAt: signed || status === 'declined' ? new Date(0) : null,
    };
  });
}
