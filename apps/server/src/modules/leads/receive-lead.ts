import { sql } from 'drizzle-orm';
import type { NewLead } from '@chargecars/contract';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvents } from '../../platform/events/outbox.ts';
import { notFound } from '../../platform/errors.ts';
import type { CustomerMatch, LeadPerson } from '../crm/index.ts';
import { leads } from './leads.schema.ts';
import { normaliseLead } from './normalise-lead.ts';
import { enrichLead, type AddressValidator } from './enrich-lead.ts';
import { AUTO_QUALIFY_MIN_SCORE, isComplete, scoreLead } from './score-lead.ts';
import { routeLead } from './route-lead.ts';
import { recordSteps, type TimelineStep } from './lead-timeline.ts';
import { sendIntake } from './send-intake.ts';
import type { LeadContext } from './score-context.ts';

export type ReceiveDeps = {
  db: Db;
  context: LeadContext;
  addressValidator: AddressValidator | null;
  attachCustomer: (tx: Tx, person: LeadPerson) => Promise<CustomerMatch>;
  publicUrl: string;
  slaHours: number;
};
export type ReceiveInput = { lead: NewLead; source: 'api' | 'web' | 'ops'; partnerId: string | null };
type LeadRow = typeof leads.$inferSelect;

const MATCH_LABEL = { email: 'e-mailadres', phone: 'telefoonnummer', address: 'postcode en huisnummer' } as const;

/**
 * The lead pipeline for every source (API, web form, ops): validate and normalise, enrich, match the
 * unified customer, score, route, send the intake, and qualify when nothing needs a person. Lookups
 * happen first; everything that changes data commits in one transaction with its audit, timeline
 * and events. `within` lets the caller add to that transaction (the stored idempotent response).
 */
export async function receiveLead(deps: ReceiveDeps, actor: Actor, input: ReceiveInput, within?: (tx: Tx, lead: LeadRow) => Promise<void>): Promise<LeadRow> {
  const lead = normaliseLead(input.lead);
  const partner = input.partnerId ? await deps.context.partner(input.partnerId) : null;
  if (input.partnerId && !partner) throw notFound('Partner');
  const enrichment = await enrichLead(lead, deps.addressValidator);
  const [ctx, rules, entities] = await Promise.all([deps.context.scoreContext(enrichment.regionCode, input.partnerId), deps.context.rules(), deps.context.entities()]);
  const scored = scoreLead(lead, enrichment, ctx);
  const route = routeLead(rules, { partnerEntityId: partner?.entityId ?? null, productInterest: lead.productInterest, customerKind: lead.customerKind }, entities);
  const qualifies = isComplete(lead, enrichment) && scored.score >= AUTO_QUALIFY_MIN_SCORE;
  const now = new Date();
  const a = enrichment.address;

  return deps.db.transaction(async (tx) => {
    const match = await deps.attachCustomer(tx, {
      name: lead.name, email: lead.email, phone: lead.phone, kind: lead.customerKind, companyName: lead.companyName,
      entityId: route.entityId, partnerId: input.partnerId, address: a,
    });
    const [row] = await tx.insert(leads).values({
      number: sql`${`LD-${now.getUTCFullYear()}-`} || lpad(nextval('lead_number_seq')::text, 6, '0')`, entityId: route.entityId, partnerId: input.partnerId, customerId: match.customerId,
      source: input.source, status: qualifies ? 'qualified' : 'awaiting_intake', customerKind: lead.customerKind, companyName: lead.companyName,
      name: lead.name, email: lead.email, phone: lead.phone, postcode: a?.postcode ?? null, houseNumber: a?.houseNumber ?? null, houseNumberAddition: a?.addition ?? null,
      street: a?.street ?? null, city: a?.city ?? null, municipality: a?.municipality ?? null, province: a?.province ?? null, lat: a?.lat ?? null, lon: a?.lon ?? null,
      regionCode: enrichment.regionCode, productInterest: lead.productInterest, partnerReference: lead.partnerReference, notes: lead.notes, isRepeat: match.isRepeat,
      score: scored.score, scoreBreakdown: scored.breakdown, scoreReasons: scored.reasons, receivedAt: now, updatedAt: now,
      slaDueAt: qualifies ? null : new Date(now.getTime() + deps.slaHours * 3_600_000), qualifiedAt: qualifies ? now : null,
    }).returning();
    const steps: TimelineStep[] = [
      { step: 'received', summary: `Ontvangen via ${{ api: 'Partner API', web: 'webformulier', ops: 'operations' }[input.source]}${partner ? ` van ${partner.name}` : ''}` },
      { step: 'enriched', summary: enrichment.regionCode ? `Verrijkt: ${a?.municipality ?? '?'}, regio ${enrichment.regionCode}` : 'Niet verrijkt: geen bruikbaar adres', data: { findings: enrichment.findings, addressVerified: enrichment.addressVerified } },
      { step: 'deduplicated', summary: match.matchedOn ? `Herhaalde lead: bestaande klant gevonden op ${MATCH_LABEL[match.matchedOn]}` : 'Nieuwe klant aangemaakt', data: { customerId: match.customerId, matchedOn: match.matchedOn } },
      { step: 'scored', summary: `Score ${scored.score}/100`, data: { reasons: scored.reasons } },
      { step: 'routed', summary: `Toegewezen aan ${route.entityId}${enrichment.regionCode ? `, regio ${enrichment.regionCode}` : ''} (${route.rule})` },
      { step: 'intake_sent', summary: `Intakevragenlijst gestuurd naar ${lead.email}` },
      qualifies
        ? { step: 'qualified', summary: 'Automatisch gekwalificeerd: volledig en geldig, klaar voor offerte' }
        : { step: 'awaiting_intake', summary: 'Wacht op de intake of op operations', data: { complete: isComplete(lead, enrichment), minScore: AUTO_QUALIFY_MIN_SCORE } },
    ];
    await recordSteps(tx, row!.id, 'Pipeline', steps, now);
    await sendIntake(tx, row!, deps.publicUrl, now);
    await recordAudit(tx, actor, { action: 'lead.received', subjectType: 'lead', subjectId: row!.id, after: { number: row!.number, status: row!.status, score: row!.score, entityId: row!.entityId } });
    const audience = { partnerId: input.partnerId };
    const data = { leadId: row!.id, number: row!.number, partnerReference: row!.partnerReference, status: row!.status, score: row!.score };
    await emitEvents(tx, [
      { type: 'lead.received', subjectType: 'lead', subjectId: row!.id, data, audience },
      ...(qualifies ? [{ type: 'lead.qualified', subjectType: 'lead', subjectId: row!.id, data, audience }] : []),
    ]);
    await within?.(tx, row!);
    return row!;
  });
}
