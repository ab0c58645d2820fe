import type * as s from '../../apps/server/src/platform/db/schema.ts';
import { demoAddress, dutchMobile, email, personName, type Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import type { DemoCustomer } from './generate-customers.ts';
import type { DemoOrder } from './generate-sales.ts';
import type { DemoVisit } from './generate-visits.ts';
import { addDays, pad, uuidFrom, type Counts } from './seed-context.ts';
import { sentence, stored } from '../../apps/server/src/platform/sentences/sentences.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
const TAGS = [
  ['VIP', '#7c3aed'],
  ['Klacht', '#dc2626'],
  ['Terugbellen', '#f59e0b'],
  ['Zakelijk', '#0891b2'],
  ['Zonnepanelen', '#16a34a'],
] as const;
const INTERESTS = [
  'Thuislader',
  'Laadpaal met zonnepanelen',
  'Meterkast uitbreiden',
  'Laadpaal op paal',
  'Zakelijk laadplein',
];

/** Leads still in the pipeline, the per-entity interaction history, notes and tags. */
export function generateCrm(
  rng: Rng,
  counts: Counts,
  ref: Reference,
  customers: DemoCustomer[],
  orders: DemoOrder[],
  visits: DemoVisit[],
  now: Date,
) {
  const leadTransfer = ref.partners.filter((p) => p.row.category === 'LeadTransfer' && p.row.status === 'active');
  const used = new Set(customers.map((c) => c.email.toLowerCase()));
  const leads: Insert<typeof s.leads>[] = [];
  const leadCustomers = customers.filter((c) => c.status === 'lead');
  for (let i = 0; i < counts.openLeads; i++) {
    // Most open leads are known customers without a quote yet; the rest are new people.
    const known = i < leadCustomers.length * 0.8 ? leadCustomers[i] : undefined;
    const name = known ? known.name : personName(rng).fullName;
    const address = known ? null : demoAddress(rng);
    const partner = leadTransfer.length && rng.chance(0.7) ? rng.pick(leadTransfer) : null;
    const status = rng.weighted([
      ['received', 15],
      ['enriched', 10],
      ['awaiting_intake', 45],
      ['qualified', 30],
    ] as const);
    const completeness = rng.int(40, 100);
    leads.push({
      id: uuidFrom(rng),
      number: '',
      entityId:
        known?.sourceEntityId === 'chargecars' || partner === null
          ? (known?.sourceEntityId ?? 'laderthuis')
          : 'laderthuis',
      partnerId: partner?.row.id ?? null,
      customerId: known?.id ?? null,
      source: partner ? 'api' : rng.pick(['web', 'ops'] as const),
      status,
      name,
      email: known ? known.email : email(rng, personName(rng), used),
      phone: known ? known.phone : dutchMobile(rng),
      postcode: known ? known.address.postcode : address!.postcode,
      houseNumber: known ? known.address.houseNumber : address!.houseNumber,
      street: known ? known.address.street : address!.street,
      city: known ? known.address.city : address!.city,
      regionCode: known ? known.region : address!.region,
      productInterest: rng.pick(INTERESTS),
      partnerReference: partner ? `REF-${rng.digits(6)}` : null,
      score: Math.round(completeness * 0.4 + rng.int(20, 60)),
      scoreBreakdown: {
        regio: rng.int(10, 30),
        partnerkwaliteit: rng.int(5, 25),
        volledigheid: Math.round(completeness / 4),
        productinteresse: rng.int(5, 20),
      },
      receivedAt: addDays(now, -rng.int(0, 45)),
      qualifiedAt: status === 'qualified' ? addDays(now, -rng.int(0, 10)) : null,
    });
  }
  // Numbered as the server numbers them (LD-<year received>-<sequence>); the seed moves the sequence past them.
  leads.sort((a, b) => a.receivedAt!.getTime() - b.receivedAt!.getTime());
  leads.forEach((l, i) => {
    l.number = `LD-${l.receivedAt!.getUTCFullYear()}-${pad(i + 1, 6)}`;
  });

  const interactions: Insert<typeof s.interactions>[] = [];
  for (const o of orders)
    interactions.push({
      customerId: o.customerId,
      entityId: o.entityId,
      channel: 'order',
      ...stored(sentence('contact.order_placed', { order: o.number })),
      occurredAt: o.createdAt,
    });
  for (const v of visits)
    if (v.completedAt)
      interactions.push({
        customerId: v.customerId,
        entityId: v.entityId,
        channel: 'visit',
        ...stored(sentence('contact.visit_done', { type: v.type, visit: v.number })),
        occurredAt: v.completedAt as Date,
      });
  for (const c of customers) {
    if (rng.chance(0.5))
      interactions.push({
        customerId: c.id,
        entityId: c.sourceEntityId,
        channel: rng.pick(['phone', 'email', 'whatsapp'] as const),
        summary: rng.pick([
          'Vraag over levertijd beantwoord',
          'Offerte toegelicht',
          'Afspraak bevestigd',
          'Vraag over laadpas',
          'Terugbelverzoek afgehandeld',
        ]),
        occurredAt: addDays(c.createdAt, rng.int(0, 15)),
      });
  }

  const tags: Insert<typeof s.tags>[] = TAGS.map(([name, color]) => ({ id: uuidFrom(rng), name, color }));
  const taggings: Insert<typeof s.taggings>[] = [];
  const notes: Insert<typeof s.notes>[] = [];
  for (const c of customers) {
    const chosen = new Set<string>();
    if (rng.chance(0.06)) chosen.add(rng.pick(tags).id!);
    if (c.kind === 'business') chosen.add(tags[3]!.id!);
    for (const tagId of chosen) taggings.push({ tagId, subjectType: 'customer', subjectId: c.id });
    if (rng.chance(0.08))
      notes.push({
        subjectType: 'customer',
        subjectId: c.id,
        body: rng.pick([
          'Klant wil graag ochtendafspraak',
          'Parkeerplaats aan de achterzijde',
          'Eerder contact gehad over zonnepanelen',
          'Voorkeur voor witte laadpaal',
        ]),
        authorName: 'Operations',
        createdAt: addDays(c.createdAt, 1),
      });
  }
  return { leads, interactions, tags, taggings, notes };
}
