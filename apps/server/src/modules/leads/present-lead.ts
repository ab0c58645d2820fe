import type { leads } from './leads.schema.ts';

type LeadRow = typeof leads.$inferSelect;

/** The Partner API's view of a lead: no internal fields, with links. */
export function presentPartnerLead(
  lead: Pick<
    LeadRow,
    | 'id'
    | 'number'
    | 'status'
    | 'partnerReference'
    | 'score'
    | 'isRepeat'
    | 'rejectedReason'
    | 'receivedAt'
    | 'qualifiedAt'
  >,
) {
  return {
    id: lead.id,
    number: lead.number,
    status: lead.status,
    partnerReference: lead.partnerReference,
    score: lead.score,
    isRepeat: lead.isRepeat,
    rejectedReason: lead.rejectedReason,
    receivedAt: lead.receivedAt.toISOString(),
    qualifiedAt: lead.qualifiedAt?.toISOString() ?? null,
    links: { self: `/api/v1/leads/${lead.id}` },
  };
}
