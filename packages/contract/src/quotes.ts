import { z } from 'zod';
import { listQuery, LocalDate, page, Uuid } from './common.ts';
import { VatCategory } from './vat.ts';

export const BillTo = z.enum(['customer', 'partner']);
export const ProductCategory = z.enum(['charging_station', 'cable_accessory', 'mounting', 'installation_service', 'meter_cabinet', 'smart_meter']);
export const VisitType = z.enum(['survey', 'installation', 'meter_replacement']);
export const QuoteStatus = z.enum(['draft', 'sent', 'partially_signed', 'signed', 'declined', 'expired']);

/**
 * A line as ops enter it: from the catalogue (a product or a kit) or free (description, price and VAT
 * rate or category). Lines a qualifying partner pays get reverse charge by themselves; asking for it
 * elsewhere is refused.
 */
export const QuoteLineInput = z.object({
  productId: Uuid.optional(),
  kitId: Uuid.optional(),
  description: z.string().trim().min(1).max(300).optional(),
  category: ProductCategory.optional(),
  quantity: z.number().positive('aantal moet groter dan 0 zijn').max(100_000),
  unitPriceCents: z.number().int().min(0).max(100_000_000).optional(),
  vatRate: z.number().int().optional(),
  vatCategory: VatCategory.optional(),
  billTo: BillTo.optional(),
  /** When given, it must equal quantity x unit price: a client that computed differently is told so. */
  totalCents: z.number().int().optional(),
});
export const VisitInput = z.object({ type: VisitType, durationMinutes: z.number().int().min(30).max(600) });

export const CreateQuoteBody = z.object({
  entityId: z.string().min(1),
  customerId: Uuid,
  partnerId: Uuid.nullable().optional(),
  leadId: Uuid.nullable().optional(),
  lines: z.array(QuoteLineInput).min(1).max(200),
  visits: z.array(VisitInput).max(2, 'hoogstens 2 bezoeken per offerte').optional(),
});

export const IntakeAnswers = z.object({
  cableMeters: z.number().min(0).max(200).default(10),
  groundWorkMeters: z.number().min(0).max(200).default(0),
  meterCabinetUpgrade: z.boolean().default(false),
  smartMeter: z.boolean().default(false),
  mountingPole: z.boolean().default(false),
});

export const CreateQuoteFromTemplateBody = z.object({
  templateId: Uuid,
  customerId: Uuid,
  partnerId: Uuid.nullable().optional(),
  leadId: Uuid.nullable().optional(),
  answers: IntakeAnswers.default({ cableMeters: 10, groundWorkMeters: 0, meterCabinetUpgrade: false, smartMeter: false, mountingPole: false }),
});

export const ReviseQuoteBody = z.object({
  lockVersion: z.number().int(),
  lines: z.array(QuoteLineInput).min(1).max(200),
  visits: z.array(VisitInput).max(2, 'hoogstens 2 bezoeken per offerte').optional(),
  changeNote: z.string().trim().max(500).optional(),
});
export const LockBody = z.object({ lockVersion: z.number().int() });

export const QuoteLine = z.object({
  position: z.number().int(),
  productId: z.string().nullable(),
  kitId: z.string().nullable(),
  category: ProductCategory.nullable(),
  description: z.string(),
  specification: z.string().nullable(),
  quantity: z.number(),
  unitPriceCents: z.number().int(),
  vatRate: z.number().int(),
  vatCategory: VatCategory,
  billTo: BillTo,
  billingRule: z.string().nullable(),
  totalCents: z.number().int(),
});
export const QuoteVisit = z.object({ sequence: z.number().int(), type: VisitType, durationMinutes: z.number().int() });
export const SignatureSummary = z.object({
  role: BillTo, status: z.enum(['pending', 'signed', 'declined', 'invalidated']), version: z.number().int(),
  signerName: z.string().nullable(), usedAt: z.string().nullable(), declineReason: z.string().nullable(), expiresAt: z.string(),
});

export const QuoteDetail = z.object({
  id: z.string(), number: z.string(), entityId: z.string(), customerId: z.string(), customerName: z.string(),
  partnerId: z.string().nullable(), partnerName: z.string().nullable(), leadId: z.string().nullable(),
  /** The partner's VAT number, stated next to its reverse-charge lines (never shown to the customer). */
  partnerVatNumber: z.string().nullable(),
  status: QuoteStatus, currentVersion: z.number().int(), lockVersion: z.number().int(), validUntil: LocalDate,
  createdAt: z.string(), sentAt: z.string().nullable(), signedAt: z.string().nullable(), orderId: z.string().nullable(),
  customerTotalCents: z.number().int(), partnerTotalCents: z.number().int(), vatCents: z.number().int(),
  lines: z.array(QuoteLine), visits: z.array(QuoteVisit), signatures: z.array(SignatureSummary),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), createdByName: z.string().nullable(), changeNote: z.string().nullable(), customerTotalCents: z.number().int(), partnerTotalCents: z.number().int() })),
}).meta({ id: 'QuoteDetail' });

export const QuoteListQuery = listQuery(['createdAt', 'number'] as const).extend({ status: QuoteStatus.optional() });
export const QuoteListItem = z.object({
  id: z.string(), number: z.string(), entityId: z.string(), customerName: z.string(), partnerName: z.string().nullable(),
  status: QuoteStatus, currentVersion: z.number().int(), validUntil: LocalDate, customerTotalCents: z.number().int(), partnerTotalCents: z.number().int(), createdAt: z.string(),
}).meta({ id: 'QuoteListItem' });
export const QuotePage = page(QuoteListItem);

export const QuoteViewQuery = z.object({ view: BillTo.default('customer') });
export const DiffParams = z.object({ id: Uuid, from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
const LineSnapshot = QuoteLine.pick({ description: true, quantity: true, unitPriceCents: true, vatRate: true, vatCategory: true, billTo: true, totalCents: true });
export const QuoteDiff = z.object({
  from: z.object({ version: z.number().int(), createdAt: z.string(), createdByName: z.string().nullable(), changeNote: z.string().nullable() }),
  to: z.object({ version: z.number().int(), createdAt: z.string(), createdByName: z.string().nullable(), changeNote: z.string().nullable() }),
  added: z.array(LineSnapshot),
  removed: z.array(LineSnapshot),
  changed: z.array(z.object({ description: z.string(), before: LineSnapshot, after: LineSnapshot, fields: z.array(z.string()) })),
  visitsChanged: z.boolean(),
  totals: z.object({ customerBefore: z.number().int(), customerAfter: z.number().int(), partnerBefore: z.number().int(), partnerAfter: z.number().int() }),
}).meta({ id: 'QuoteDiff' });

export const VisitPreview = z.object({
  region: z.string().nullable(),
  visits: z.array(QuoteVisit.extend({ earliestDates: z.array(LocalDate) })),
}).meta({ id: 'VisitPreview' });

export const QuoteTemplate = z.object({
  id: z.string(), code: z.string(), name: z.string(), entityId: z.string(),
  lines: z.array(z.object({ productId: z.string(), description: z.string(), quantity: z.number(), quantityAnswer: z.string().nullable() })),
}).meta({ id: 'QuoteTemplate' });

// Public signing: a signer sees exactly their part.
export const SigningTokenParams = z.object({ token: z.string().min(20).max(100) });
export const SigningPart = z.object({
  quoteNumber: z.string(), version: z.number().int(), role: BillTo, status: z.enum(['pending', 'signed', 'declined', 'invalidated']),
  entity: z.object({ name: z.string(), brandColor: z.string(), website: z.string() }),
  signerParty: z.string(), validUntil: LocalDate, documentSha256: z.string(),
  lines: z.array(z.object({ description: z.string(), specification: z.string().nullable(), quantity: z.number(), unitPriceCents: z.number().int(), vatRate: z.number().int(), vatCategory: VatCategory, totalCents: z.number().int() })),
  /** Set when the signer's lines carry reverse charge: the VAT number it is shifted to. */
  buyerVatNumber: z.string().nullable(),
  netCents: z.number().int(), vatCents: z.number().int(), grossCents: z.number().int(),
}).meta({ id: 'SigningPart' });
export const SignBody = z.object({
  name: z.string().trim().min(2).max(120),
  method: z.enum(['drawn', 'typed']),
  // A drawn signature as a PNG data URL, bounded so a signature cannot fill the database.
  signatureImage: z.string().max(200_000).regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/).optional(),
}).refine((b) => b.method !== 'drawn' || b.signatureImage, { path: ['signatureImage'], message: 'een getekende handtekening heeft een afbeelding nodig' });
export const DeclineBody = z.object({ reason: z.string().trim().min(3).max(1000) });
export const SignResult = z.object({ status: z.enum(['signed', 'declined']), quoteStatus: QuoteStatus, orderId: z.string().nullable() });
