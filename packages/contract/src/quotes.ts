import { z } from 'zod';
import { DocumentLanguageQuery, Int4, listQuery, LocalDate, page, Text, Uuid } from './common.ts';
import { VatCategory } from './vat.ts';

export const BillTo = z.enum(['customer', 'partner']);
export const ProductCategory = z.enum([
  'charging_station',
  'cable_accessory',
  'mounting',
  'installation_service',
  'meter_cabinet',
  'smart_meter',
]);
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
  description: Text.trim().min(1).max(300).optional(),
  category: ProductCategory.optional(),
  quantity: z.number().positive('aantal moet groter dan 0 zijn').max(100_000),
  unitPriceCents: z.number().int().min(0).max(100_000_000).optional(),
  vatRate: Int4.optional(),
  vatCategory: VatCategory.optional(),
  billTo: BillTo.optional(),
  /** When given, it must equal quantity x unit price: a client that computed differently is told so. */
  totalCents: Int4.optional(),
});
export const VisitInput = z.object({ type: VisitType, durationMinutes: z.number().int().min(30).max(600) });

export const CreateQuoteBody = z.object({
  entityId: Text.min(1),
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
  answers: IntakeAnswers.default({
    cableMeters: 10,
    groundWorkMeters: 0,
    meterCabinetUpgrade: false,
    smartMeter: false,
    mountingPole: false,
  }),
});

export const ReviseQuoteBody = z.object({
  lockVersion: Int4,
  lines: z.array(QuoteLineInput).min(1).max(200),
  visits: z.array(VisitInput).max(2, 'hoogstens 2 bezoeken per offerte').optional(),
  changeNote: Text.trim().max(500).optional(),
});
export const LockBody = z.object({ lockVersion: Int4 });
export const QuoteCreated = z.object({ id: Text, number: Text });
export const QuoteChanged = z.object({ id: Text, status: Text, lockVersion: z.number().int() }).passthrough();

export const QuoteLine = z.object({
  position: z.number().int(),
  productId: Text.nullable(),
  kitId: Text.nullable(),
  category: ProductCategory.nullable(),
  description: Text,
  specification: Text.nullable(),
  /** The line in English as the catalogue words it (issue 16); null for a free line, which reads as typed. */
  descriptionEn: Text.nullable(),
  specificationEn: Text.nullable(),
  quantity: z.number(),
  unitPriceCents: z.number().int(),
  vatRate: z.number().int(),
  vatCategory: VatCategory,
  billTo: BillTo,
  billingRule: Text.nullable(),
  totalCents: z.number().int(),
});
export const QuoteVisit = z.object({ sequence: z.number().int(), type: VisitType, durationMinutes: z.number().int() });
export const SignatureSummary = z.object({
  role: BillTo,
  status: z.enum(['pending', 'signed', 'declined', 'invalidated']),
  version: z.number().int(),
  signerName: Text.nullable(),
  usedAt: Text.nullable(),
  declineReason: Text.nullable(),
  expiresAt: Text,
});

export const QuoteDetail = z
  .object({
    id: Text,
    number: Text,
    entityId: Text,
    customerId: Text,
    customerName: Text,
    partnerId: Text.nullable(),
    partnerName: Text.nullable(),
    leadId: Text.nullable(),
    /** The lead the quote was made from, with its notes and the customer's intake answers (staff only). */
    lead: z
      .object({
        id: Text,
        number: Text,
        notes: Text.nullable(),
        intakeAnswers: z.record(Text, z.unknown()).nullable(),
      })
      .nullable(),
    /** The partner's VAT number, stated next to its reverse-charge lines (never shown to the customer). */
    partnerVatNumber: Text.nullable(),
    status: QuoteStatus,
    currentVersion: z.number().int(),
    lockVersion: z.number().int(),
    validUntil: LocalDate,
    createdAt: Text,
    sentAt: Text.nullable(),
    signedAt: Text.nullable(),
    orderId: Text.nullable(),
    customerTotalCents: z.number().int(),
    partnerTotalCents: z.number().int(),
    vatCents: z.number().int(),
    lines: z.array(QuoteLine),
    visits: z.array(QuoteVisit),
    signatures: z.array(SignatureSummary),
    versions: z.array(
      z.object({
        version: z.number().int(),
        createdAt: Text,
        createdByName: Text.nullable(),
        changeNote: Text.nullable(),
        changeNoteEn: Text.nullable(),
        customerTotalCents: z.number().int(),
        partnerTotalCents: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'QuoteDetail' });

export const QuoteListQuery = listQuery(['createdAt', 'number'] as const).extend({ status: QuoteStatus.optional() });
export const QuoteListItem = z
  .object({
    id: Text,
    number: Text,
    entityId: Text,
    customerName: Text,
    partnerName: Text.nullable(),
    status: QuoteStatus,
    currentVersion: z.number().int(),
    validUntil: LocalDate,
    customerTotalCents: z.number().int(),
    partnerTotalCents: z.number().int(),
    createdAt: Text,
  })
  .meta({ id: 'QuoteListItem' });
export const QuotePage = page(QuoteListItem);

/** A document's language when its link names one (a PDF opened from a page in English); else the request's. */
export const QuoteViewQuery = DocumentLanguageQuery.extend({ view: BillTo.default('customer') });
export const DiffParams = z.object({
  id: Uuid,
  from: z.coerce.number().int().min(1).max(2_147_483_647),
  to: z.coerce.number().int().min(1).max(2_147_483_647),
});
const LineSnapshot = QuoteLine.pick({
  description: true,
  descriptionEn: true,
  quantity: true,
  unitPriceCents: true,
  vatRate: true,
  vatCategory: true,
  billTo: true,
  totalCents: true,
});
export const QuoteDiff = z
  .object({
    from: z.object({
      version: z.number().int(),
      createdAt: Text,
      createdByName: Text.nullable(),
      changeNote: Text.nullable(),
      changeNoteEn: Text.nullable(),
    }),
    to: z.object({
      version: z.number().int(),
      createdAt: Text,
      createdByName: Text.nullable(),
      changeNote: Text.nullable(),
      changeNoteEn: Text.nullable(),
    }),
    added: z.array(LineSnapshot),
    removed: z.array(LineSnapshot),
    changed: z.array(
      z.object({
        description: Text,
        descriptionEn: Text.nullable(),
        before: LineSnapshot,
        after: LineSnapshot,
        fields: z.array(Text),
      }),
    ),
    visitsChanged: z.boolean(),
    totals: z.object({
      customerBefore: z.number().int(),
      customerAfter: z.number().int(),
      partnerBefore: z.number().int(),
      partnerAfter: z.number().int(),
    }),
  })
  .meta({ id: 'QuoteDiff' });

export const VisitPreview = z
  .object({
    region: Text.nullable(),
    visits: z.array(QuoteVisit.extend({ earliestDates: z.array(LocalDate) })),
  })
  .meta({ id: 'VisitPreview' });

export const QuoteTemplate = z
  .object({
    id: Text,
    code: Text,
    name: Text,
    nameEn: Text.nullable(),
    entityId: Text,
    lines: z.array(
      z.object({
        productId: Text,
        description: Text,
        descriptionEn: Text.nullable(),
        quantity: z.number(),
        quantityAnswer: Text.nullable(),
      }),
    ),
  })
  .meta({ id: 'QuoteTemplate' });
export const QuoteTemplateList = z.array(QuoteTemplate);

// Public signing: a signer sees exactly their part.
export const SigningTokenParams = z.object({ token: Text.min(20).max(100) });
export const SigningPart = z
  .object({
    quoteNumber: Text,
    version: z.number().int(),
    role: BillTo,
    status: z.enum(['pending', 'signed', 'declined', 'invalidated']),
    entity: z.object({ name: Text, brandColor: Text, website: Text }),
    signerParty: Text,
    validUntil: LocalDate,
    documentSha256: Text,
    /** The signer's lines as signed (in Dutch), with the catalogue's English wording beside them to read. */
    lines: z.array(
      z.object({
        description: Text,
        specification: Text.nullable(),
        descriptionEn: Text.nullable(),
        specificationEn: Text.nullable(),
        quantity: z.number(),
        unitPriceCents: z.number().int(),
        vatRate: z.number().int(),
        vatCategory: VatCategory,
        totalCents: z.number().int(),
      }),
    ),
    /** Set when the signer's lines carry reverse charge: the VAT number it is shifted to. */
    buyerVatNumber: Text.nullable(),
    /** Where the work is done: the customer's installation address. */
    installationAddress: z
      .object({
        street: Text,
        houseNumber: z.number().int(),
        houseNumberAddition: Text.nullable(),
        postcode: Text,
        city: Text,
      })
      .nullable(),
    /** What is installed: every line of the job, without prices (the signer's own prices are in `lines`). */
    installedItems: z.array(z.object({ description: Text, descriptionEn: Text.nullable(), quantity: z.number() })),
    /** The visits the job takes and the earliest workdays now free in the customer's region. */
    visits: z.array(
      z.object({
        sequence: z.number().int(),
        type: VisitType,
        durationMinutes: z.number().int(),
        earliestDates: z.array(LocalDate),
      }),
    ),
    /** A consumer signing: the right of withdrawal (14 days) applies. */
    consumer: z.boolean(),
    netCents: z.number().int(),
    vatCents: z.number().int(),
    grossCents: z.number().int(),
  })
  .meta({ id: 'SigningPart' });
export const SignBody = z
  .object({
    name: Text.trim().min(2).max(120),
    method: z.enum(['drawn', 'typed']),
    // A drawn signature as a PNG data URL, bounded so a signature cannot fill the database.
    signatureImage: Text.max(200_000)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
      .optional(),
  })
  .refine((b) => b.method !== 'drawn' || b.signatureImage, {
    path: ['signatureImage'],
    message: 'een getekende handtekening heeft een afbeelding nodig',
  });
export const DeclineBody = z.object({ reason: Text.trim().min(3).max(1000) });
export const SignResult = z.object({
  status: z.enum(['signed', 'declined']),
  quoteStatus: QuoteStatus,
  orderId: Text.nullable(),
});
