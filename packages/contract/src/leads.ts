import { z } from 'zod';
import { page, Text, Timestamp } from './common.ts';

export const LeadStatus = z.enum(['received', 'enriched', 'awaiting_intake', 'qualified', 'converted', 'rejected']);
export const CustomerKind = z.enum(['consumer', 'business']);

/** Dutch postcode as people type it: "1234 AB", "1234ab"; the server stores "1234 AB". */
export const DutchPostcode = Text.trim().regex(
  /^[1-9][0-9]{3} ?[A-Za-z]{2}$/,
  'postcode moet het formaat 1234 AB hebben',
);

export const LeadAddressInput = z
  .object({
    postcode: DutchPostcode,
    houseNumber: z.number().int().min(1).max(99_999),
    addition: Text.trim().max(10).optional(),
    street: Text.trim().min(1).max(120).optional(),
    city: Text.trim().min(1).max(80).optional(),
  })
  .strict();

/** A lead as a partner system, the web form or ops submit it (PRD process 1: email and name required). */
export const NewLead = z
  .object({
    email: Text.trim().max(254).email('ongeldig e-mailadres'),
    name: Text.trim().min(1).max(120),
    phone: Text.trim().min(6).max(30).optional(),
    address: LeadAddressInput.optional(),
    customerKind: CustomerKind.optional(),
    companyName: Text.trim().min(1).max(160).optional(),
    productInterest: Text.trim().min(1).max(120).optional(),
    partnerReference: Text.trim().min(1).max(100).optional(),
    notes: Text.trim().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'NewLead' });
export type NewLead = z.infer<typeof NewLead>;

/** Ops may enter a lead for a partner. */
export const NewOpsLead = NewLead.extend({ partnerId: Text.uuid().optional() }).meta({ id: 'NewOpsLead' });

export const ScoreReason = z.object({ factor: Text, points: z.number().int(), max: z.number().int(), reason: Text });

export const LeadLinks = z.object({ self: Text, intake: Text.optional() });

/** The Partner API's view of a lead: what the partner sent, where it stands, and links. */
export const PartnerLead = z
  .object({
    id: Text,
    number: Text,
    status: LeadStatus,
    partnerReference: Text.nullable(),
    score: z.number().int().nullable(),
    isRepeat: z.boolean(),
    rejectedReason: Text.nullable(),
    receivedAt: Text,
    qualifiedAt: Text.nullable(),
    links: LeadLinks,
  })
  .meta({ id: 'PartnerLead' });

export const PartnerLeadQuery = z.object({
  status: LeadStatus.optional(),
  since: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const PartnerLeadList = z.object({ items: z.array(PartnerLead) }).meta({ id: 'PartnerLeadList' });

export const LeadListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: LeadStatus.optional(),
  entity: Text.max(40).optional(),
  region: Text.max(40).optional(),
  partnerId: Text.uuid().optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: Text.trim().max(100).optional(),
});

export const LeadListItem = z
  .object({
    id: Text,
    number: Text,
    status: LeadStatus,
    name: Text,
    email: Text,
    postcode: Text.nullable(),
    city: Text.nullable(),
    entityId: Text,
    regionCode: Text.nullable(),
    partnerId: Text.nullable(),
    partnerName: Text.nullable(),
    source: z.enum(['api', 'web', 'ops']),
    score: z.number().int().nullable(),
    isRepeat: z.boolean(),
    receivedAt: Text,
    slaDueAt: Text.nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'LeadListItem' });
export const LeadPage = page(LeadListItem);

export const LeadTimelineEntry = z.object({
  step: Text,
  summary: Text,
  actorName: Text,
  at: Text,
  data: z.record(Text, z.unknown()).nullable(),
});

export const LeadDetail = LeadListItem.extend({
  phone: Text.nullable(),
  houseNumber: z.number().int().nullable(),
  houseNumberAddition: Text.nullable(),
  street: Text.nullable(),
  municipality: Text.nullable(),
  province: Text.nullable(),
  customerId: Text.nullable(),
  customerKind: CustomerKind,
  companyName: Text.nullable(),
  productInterest: Text.nullable(),
  partnerReference: Text.nullable(),
  notes: Text.nullable(),
  scoreReasons: z.array(ScoreReason),
  rejectedReason: Text.nullable(),
  assignedUserId: Text.nullable(),
  /** The quotes made from this lead and the order each became (staff only; empty for a partner). */
  quotes: z.array(
    z.object({ id: Text, number: Text, status: Text, orderId: Text.nullable(), orderNumber: Text.nullable() }),
  ),
  intake: z
    .object({
      sentAt: Text,
      remindersSent: z.number().int(),
      completedAt: Text.nullable(),
      answers: z.record(Text, z.unknown()).nullable(),
      photos: z.number().int(),
    })
    .nullable(),
  timeline: z.array(LeadTimelineEntry),
}).meta({ id: 'LeadDetail' });

export const LeadStatusChanged = z.object({ status: Text });
export const LeadAssigned = z.object({ entityId: Text, assignedUserId: Text.nullable() });
export const RejectLead = z.object({ reason: Text.trim().min(3).max(500) }).strict();
export const AssignLead = z
  .object({ userId: Text.uuid().nullable().optional(), entityId: Text.min(1).max(40).optional() })
  .strict();

/** The customer's intake questionnaire (home situation), answered through a tokenised link. */
export const LeadIntakeAnswers = z
  .object({
    meterCabinetType: z.enum(['modern_groups', 'old_fuses', 'unknown']),
    phases: z.enum(['1', '3', 'unknown']),
    distanceCabinetToParkingMeters: z.number().min(0).max(500),
    parking: z.enum(['driveway', 'garage', 'carport', 'street']),
    remarks: Text.trim().max(2000).optional(),
    photos: z
      .array(
        z
          .object({
            fileName: Text.trim().min(1).max(120),
            contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
            dataBase64: Text.max(280_000).regex(/^[A-Za-z0-9+/]+=*$/, 'verwacht base64'),
          })
          .strict(),
      )
      .max(3)
      .default([]),
  })
  .strict()
  .meta({ id: 'LeadIntakeAnswers' });
export const IntakeTokenParams = z.object({ token: Text.regex(/^[\w-]{20,100}$/) });
export const IntakeView = z.object({ leadNumber: Text, firstName: Text, completed: z.boolean() });

export const RoutingRule = z
  .object({
    id: Text.optional(),
    priority: z.number().int().min(0).max(10_000),
    name: Text.trim().min(1).max(120),
    partnerEntityId: Text.max(40).nullable(),
    productInterest: Text.max(120).nullable(),
    customerKind: CustomerKind.nullable(),
    entityId: Text.min(1).max(40),
    active: z.boolean(),
  })
  .meta({ id: 'LeadRoutingRule' });
export const RoutingRules = z.object({ rules: z.array(RoutingRule).max(200) });
