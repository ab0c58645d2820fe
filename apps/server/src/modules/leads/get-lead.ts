import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { actorNameIn, isStaff, type Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { leadIntakePhotos, leadIntakes, leads, leadTimeline } from './leads.schema.ts';
import { leadScope } from './lead-scope.ts';
import { presentListItem } from '../../read-models/lead-inbox.ts';
import { quoteSummariesForLead } from '../../read-models/quote-summaries.ts';
import { findPartner } from '../partners/index.ts';
import { presentPartnerLead } from './present-lead.ts';
import { readStored } from '../../platform/sentences/sentences.ts';

/** One lead in the actor's scope, or 404 as if it did not exist. */
export async function findLead(db: Db, actor: Actor, id: string) {
  const [lead] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), leadScope(actor)));
  if (!lead) throw notFound('Lead');
  return lead;
}

export async function getPartnerLead(db: Db, actor: Actor, id: string) {
  return presentPartnerLead(await findLead(db, actor, id));
}

/** The lead detail of the ops portal: everything, with timeline, score breakdown and intake. */
export async function getLeadDetail(db: Db, actor: Actor, id: string, language: 'nl' | 'en' = 'nl', now = new Date()) {
  const lead = await findLead(db, actor, id);
  const [partner, timeline, intake, photos, quotes] = await Promise.all([
    lead.partnerId ? findPartner(db, lead.partnerId) : undefined,
    db.select().from(leadTimeline).where(eq(leadTimeline.leadId, id)).orderBy(asc(leadTimeline.id)),
    db
      .select()
      .from(leadIntakes)
      .where(eq(leadIntakes.leadId, id))
      .then((r) => r[0]),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(leadIntakePhotos)
      .where(eq(leadIntakePhotos.leadId, id))
      .then((r) => r[0]?.n ?? 0),
    // Staff follow the lead to its quotes and orders; a partner reaches them through its own lists.
    isStaff(actor) ? quoteSummariesForLead(db, id) : [],
  ]);
  return {
    id: lead.id,
    number: lead.number,
    status: lead.status,
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    postcode: lead.postcode,
    city: lead.city,
    houseNumber: lead.houseNumber,
    houseNumberAddition: lead.houseNumberAddition,
    street: lead.street,
    municipality: lead.municipality,
    province: lead.province,
    entityId: lead.entityId,
    regionCode: lead.regionCode,
    partnerId: lead.partnerId,
    partnerName: partner?.name ?? null,
    source: lead.source,
    score: lead.score,
    isRepeat: lead.isRepeat,
    customerId: lead.customerId,
    customerKind: lead.customerKind,
    companyName: lead.companyName,
    productInterest: lead.productInterest,
    partnerReference: lead.partnerReference,
    notes: lead.notes,
    scoreReasons: lead.scoreReasons ?? [],
    rejectedReason: lead.rejectedReason,
    assignedUserId: lead.assignedUserId,
    quotes,
    ...presentListItem(lead, now),
    intake: intake
      ? {
          sentAt: intake.sentAt.toISOString(),
          remindersSent: intake.remindersSent,
          completedAt: intake.completedAt?.toISOString() ?? null,
          answers: intake.answers ?? null,
          photos,
        }
      : null,
    timeline: timeline.map((t) => ({
      step: t.step,
      summary: readStored({ code: t.code, params: t.params, text: t.summary, textEn: t.summaryEn }, language) ?? '',
      actorName: actorNameIn(t.actorName, language),
      at: t.at.toISOString(),
      data: t.data ?? null,
    })),
  };
}
