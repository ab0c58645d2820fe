import { z } from 'zod';
import { page } from './common.ts';

export const LeadStatus = z.enum(['received', 'enriched', 'awaiting_intake', 'qualified', 'converted', 'rejected']);
export const CustomerKind = z.enum(['consumer', 'business']);

/** Dutch postcode as people type it: "1234 AB", "1234ab"; the server stores "1234 AB". */
export const DutchPostcode = z.string().trim().regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'postcode moet het formaat 1234 AB hebben');

export const LeadAddressInput = z.object({
  postcode: DutchPostcode,
  houseNumber: z.number().int().min(1).max(99_999),
  addition: z.string().trim().max(10).optional(),
  street: z.string().trim().min(1).max(120).optional(),
  city: z.string().trim().min(1).max(80).optional(),
}).strict();

/** A lead as a partner system, the web form or ops submit it (PRD process 1: email and name required). */
export const NewLead = z.object({
  email: z.string().trim().max(254).email('ongeldig e-mailadres'),
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().min(6).max(30).optional(),
  address: LeadAddressInput.optional(),
  customerKind: CustomerKind.optional(),
  companyName: z.string().trim().min(1).max(160).optional(),
  productInterest: z.string().trim().min(1).max(120).optional(),
  partnerReference: z.string().trim().min(1).max(100).optional(),
  notes: z.string().trim().max(2000).optional(),
}).strict().meta({ id: 'NewLead' });
export type NewLead = z.infer<typeof NewLead>;

/** Ops may enter a lead for a partner. */
export const NewOpsLead = NewLead.extend({ partnerId: z.string().uuid().optional() }).meta({ id: 'NewOpsLead' });

export const ScoreReason = z.object({ factor: z.string(), points: z.number().int(), max: z.number().int(), reason: z.string() });

export const LeadLinks = z.object({ self: z.string(), intake: z.string().optional() });

/** The Partner API's view of a lead: what the partner sent, where it stands, and links. */
export const PartnerLead = z.object({
  id: z.string(),
  number: z.string(),
  status: LeadStatus,
  partnerReference: z.string().nullable(),
  score: z.number().int().nullable(),
  isRepeat: z.boolean(),
  rejectedReason: z.string().nullable(),
  receivedAt: z.string(),
  qualifiedAt: z.string().nullable(),
  links: LeadLinks,
}).meta({ id: 'PartnerLead' });

export const PartnerLeadQuery = z.object({
  status: LeadStatus.optional(),
  since: z.string().datetime({ offset: true, message: 'verwacht een ISO 8601-tijdstip' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const PartnerLeadList = z.object({ items: z.array(PartnerLead) }).meta({ id: 'PartnerLeadList' });

export const LeadListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: LeadStatus.optional(),
  entity: z.string().max(40).optional(),
  region: z.string().max(40).optional(),
  partnerId: z.string().uuid().optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});

export const LeadListItem = z.object({
  id: z.string(),
  number: z.string(),
  status: LeadStatus,
  name: z.string(),
  email: z.string(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  entityId: z.string(),
  regionCode: z.string().nullable(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  source: z.enum(['api', 'web', 'ops']),
  score: z.number().int().nullable(),
  isRepeat: z.boolean(),
  receivedAt: z.string(),
  slaDueAt: z.string().nullable(),
  overdue: z.boolean(),
}).meta({ id: 'LeadListItem' });
export const LeadPage = page(LeadListItem);

export const LeadTimelineEntry = z.object({ step: z.string(), summary: z.string(), actorName: z.string(), at: z.string(), data: z.record(z.string(), z.unknown()).nullable() });

export const LeadDetail = LeadListItem.extend({
  phone: z.string().nullable(),
  houseNumber: z.number().int().nullable(),
  houseNumberAddition: z.string().nullable(),
  street: z.string().nullable(),
  municipality: z.string().nullable(),
  province: z.string().nullable(),
  customerId: z.string().nullable(),
  customerKind: CustomerKind,
  companyName: z.string().nullable(),
  productInterest: z.string().nullable(),
  partnerReference: z.string().nullable(),
  notes: z.string().nullable(),
  scoreReasons: z.array(ScoreReason),
  rejectedReason: z.string().nullable(),
  assignedUserId: z.string().nullable(),
  intake: z.object({ sentAt: z.string(), remindersSent: z.number().int(), completedAt: z.string().nullable(), answers: z.record(z.string(), z.unknown()).nullable(), photos: z.number().int() }).nullable(),
  timeline: z.array(LeadTimelineEntry),
}).meta({ id: 'LeadDetail' });

export const RejectLead = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export const AssignLead = z.object({ userId: z.string().uuid().nullable().optional(), entityId: z.string().min(1).max(40).optional() }).strict();

/** The customer's intake questionnaire (home situation), answered through a tokenised link. */
export const LeadIntakeAnswers = z.object({
  meterCabinetType: z.enum(['modern_groups', 'old_fuses', 'unknown']),
  phases: z.enum(['1', '3', 'unknown']),
  distanceCabinetToParkingMeters: z.number().min(0).max(500),
  parking: z.enum(['driveway', 'garage', 'carport', 'street']),
  remarks: z.string().trim().max(2000).optional(),
  photos: z.array(z.object({
    fileName: z.string().trim().min(1).max(120),
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    dataBase64: z.string().max(280_000).regex(/^[A-Za-z0-9+/]+=*$/, 'verwacht base64'),
  }).strict()).max(3).default([]),
}).strict().meta({ id: 'LeadIntakeAnswers' });
export const IntakeTokenParams = z.object({ token: z.string().regex(/^[\w-]{20,100}$/) });
export const IntakeView = z.object({ leadNumber: z.string(), firstName: z.string(), completed: z.boolean() });

export const RoutingRule = z.object({
  id: z.string().optional(),
  priority: z.number().int().min(0).max(10_000),
  name: z.string().trim().min(1).max(120),
  partnerEntityId: z.string().max(40).nullable(),
  productInterest: z.string().max(120).nullable(),
  customerKind: CustomerKind.nullable(),
  entityId: z.string().min(1).max(40),
  active: z.boolean(),
}).meta({ id: 'LeadRoutingRule' });
export const RoutingRules = z.object({ rules: z.array(RoutingRule).max(200) });
