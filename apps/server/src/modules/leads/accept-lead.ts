import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudits } from '../../platform/audit.ts';
import { emitEvents } from '../../platform/events/outbox.ts';
import { completeIdempotencyMany, type IdempotencyClaim } from '../../platform/http/idempotency.ts';
import { leads, leadTimeline, type LEAD_SOURCES } from './leads.schema.ts';
import type { NormalisedLead } from './normalise-lead.ts';
import type { LeadContext } from './score-context.ts';
import { routeLead } from './route-lead.ts';
import { presentPartnerLead } from './present-lead.ts';
import { sentence } from '../../platform/sentences/sentences.ts';
import { timelineRow } from './lead-timeline.ts';

type LeadRow = typeof leads.$inferSelect;
export type LeadSource = (typeof LEAD_SOURCES)[number];
/** A lead checked and normalised, with the partner already known to exist. */
export type AcceptedLead = {
  actor: Actor;
  lead: NormalisedLead;
  source: LeadSource;
  partner: { id: string; entityId: string; name: string } | null;
  /** The Idempotency-Key the request holds: its stored response commits with the lead. */
  claim: IdempotencyClaim | null;
};
export type AcceptDeps = { db: Db; context: LeadContext; slaHours: number };

/**
 * Receiving a lead is only storing it: the lead as given (normalised), routed to its entity, with its
 * timeline's first step, audit, the lead.received event and the stored idempotent response, all in
 * one transaction. Enrichment, matching, scoring and the intake follow in the pipeline
 * (process-received-leads.ts), so a partner's request never waits for them. Several leads commit
 * together when the intake's group commit hands over a batch.
 */
export async function acceptLeads(deps: AcceptDeps, items: AcceptedLead[]): Promise<LeadRow[]> {
  const [rules, entities] = await Promise.all([deps.context.rules(), deps.context.entities()]);
  const now = new Date();
  const slaDueAt = new Date(now.getTime() + deps.slaHours * 3_600_000);
  // Ids made here, so rows come back matched to their request whatever order RETURNING gives.
  const ids = items.map(() => randomUUID());
  const values = items.map(({ lead, source, partner }, i) => {
    const route = routeLead(
      rules,
      {
        partnerEntityId: partner?.entityId ?? null,
        productInterest: lead.productInterest,
        customerKind: lead.customerKind,
      },
      entities,
    );
    const a = lead.address;
    return {
      id: ids[i]!,
      number: sql`${`LD-${now.getUTCFullYear()}-`} || lpad(nextval('lead_number_seq')::text, 6, '0')`,
      entityId: route.entityId,
      partnerId: partner?.id ?? null,
      source,
      status: 'received' as const,
      customerKind: lead.customerKind,
      companyName: lead.companyName,
      name: lead.name,
      email: lead.email,
      phone: lead.phone,
      postcode: a?.postcode ?? null,
      houseNumber: a?.houseNumber ?? null,
      houseNumberAddition: a?.addition ?? null,
      street: a?.street ?? null,
      city: a?.city ?? null,
      productInterest: lead.productInterest,
      partnerReference: lead.partnerReference,
      notes: lead.notes,
      receivedAt: now,
      updatedAt: now,
      slaDueAt,
    };
  });
  return deps.db.transaction(async (tx) => {
    const inserted = await tx.insert(leads).values(values).returning();
    const byId = new Map(inserted.map((r) => [r.id, r]));
    const rows = ids.map((id) => byId.get(id)!);
    await tx.insert(leadTimeline).values(
      rows.map((row, i) =>
        timelineRow(
          row.id,
          items[i]!.actor.name,
          {
            step: 'received',
            sentence: sentence('lead.received', {
              source: items[i]!.source,
              partner: items[i]!.partner?.name ?? null,
            }),
          },
          now,
        ),
      ),
    );
    await recordAudits(
      tx,
      rows.map((row, i) => ({
        actor: items[i]!.actor,
        entry: {
          action: 'lead.received',
          subjectType: 'lead',
          subjectId: row.id,
          after: { number: row.number, status: row.status, entityId: row.entityId },
        },
      })),
    );
    await emitEvents(
      tx,
      rows.map((row) => ({
        type: 'lead.received',
        subjectType: 'lead',
        subjectId: row.id,
        audience: { partnerId: row.partnerId },
        data: {
          leadId: row.id,
          number: row.number,
          partnerReference: row.partnerReference,
          status: row.status,
          score: row.score,
          rejectedReason: row.rejectedReason,
        },
      })),
    );
    await completeIdempotencyMany(
      tx,
      rows.map((row, i) => ({ claim: items[i]!.claim, status: 201, body: presentPartnerLead(row) })),
    );
    return rows;
  });
}
