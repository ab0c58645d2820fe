import { z } from 'zod';
import { Text, Timestamp, Uuid } from '../common.ts';
import { LeadStatus } from '../leads.ts';
import { defineEvent } from './define-event.ts';

/** What a partner hears of its lead at each step: the same shape for received, qualified and rejected. */
const PartnerLeadState = z.object({
  leadId: Uuid,
  number: Text,
  partnerReference: Text.nullable(),
  status: LeadStatus,
  score: z.number().int().nullable(),
  rejectedReason: Text.nullable(),
});

export const LeadReceivedEvent = defineEvent(
  'lead.received',
  'A lead was received (Partner API, web form or operations); it is processed next.',
  PartnerLeadState,
);
export const LeadQualifiedEvent = defineEvent(
  'lead.qualified',
  'A lead was qualified, by the pipeline or by a person: a quote follows.',
  PartnerLeadState,
);
export const LeadRejectedEvent = defineEvent(
  'lead.rejected',
  'A lead was rejected, with the reason.',
  PartnerLeadState,
);
export const LeadConvertedEvent = defineEvent(
  'lead.converted',
  "The lead's quote was signed by all parties: the lead became an order.",
  PartnerLeadState,
);
export const LeadAssignedEvent = defineEvent(
  'lead.assigned',
  'A lead was assigned to a business entity.',
  z.object({ leadId: Uuid, entityId: Text }),
);
export const LeadSlaBreachedEvent = defineEvent(
  'lead.sla_breached',
  'A lead waited past its SLA, or the pipeline failed on it: it is escalated to operations.',
  z.object({
    leadId: Uuid,
    number: Text,
    reason: z.enum(['sla_expired', 'pipeline_failed']),
    slaDueAt: Timestamp.nullable(),
  }),
);

export const LEAD_EVENTS = [
  LeadReceivedEvent,
  LeadQualifiedEvent,
  LeadRejectedEvent,
  LeadConvertedEvent,
  LeadAssignedEvent,
  LeadSlaBreachedEvent,
] as const;
