import { z } from 'zod';
import { Int4, LocalDate, Text, Timestamp, Uuid } from './common.ts';
import { VatCategory } from './vat.ts';

const Month = Text.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'verwacht JJJJ-MM');
export const InvoiceStatus = z.enum(['issued', 'partially_paid', 'paid', 'overdue', 'cancelled']);

export const InvoiceListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Part of the invoice number, or of the customer's or partner's name. */
  q: Text.trim().max(100).optional(),
  status: InvoiceStatus.optional(),
  entityId: Text.max(50).optional(),
  payer: z.enum(['customer', 'partner']).optional(),
  kind: z.enum(['invoice', 'credit_note']).optional(),
  customerId: Uuid.optional(),
  partnerId: Uuid.optional(),
  orderId: Uuid.optional(),
  /** Past the due date with something still open (whether or not the daily job marked it yet). */
  overdue: z.enum(['true', 'false']).optional(),
});
export const InvoiceListItem = z
  .object({
    id: Text,
    number: Text,
    entityId: Text,
    kind: z.enum(['invoice', 'credit_note']),
    payer: z.enum(['customer', 'partner']),
    payerName: Text,
    customerId: Text.nullable(),
    partnerId: Text.nullable(),
    orderId: Text.nullable(),
    orderNumber: Text.nullable(),
    issueDate: LocalDate,
    dueDate: LocalDate,
    status: InvoiceStatus,
    subtotalCents: z.number().int(),
    vatCents: z.number().int(),
    totalCents: z.number().int(),
    paidCents: z.number().int(),
    /** Taken back by credit notes; open is total - paid - credited. */
    creditedCents: z.number().int(),
    openCents: z.number().int(),
    periodMonth: Text.nullable(),
    creditedInvoiceId: Text.nullable(),
    /** Reverse charge ("Btw verlegd"): the buyer accounts for the VAT; `buyerVatNumber` is the number the invoice states. */
    reverseCharge: z.boolean(),
    buyerVatNumber: Text.nullable(),
  })
  .meta({ id: 'InvoiceListItem' });
export const InvoicePage = z.object({
  items: z.array(InvoiceListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const InvoiceDetail = InvoiceListItem.extend({
  reason: Text.nullable(),
  /** The last payment reminder sent: its step in the entity's sequence, at how many days overdue, and when. */
  paymentReminder: z.object({ step: z.number().int().min(1), days: z.number().int(), sentAt: Text }).nullable(),
  /** The invoice a credit note corrects. */
  creditedInvoiceNumber: Text.nullable(),
  lines: z.array(
    z.object({
      position: z.number().int(),
      description: Text,
      /** The line in English as the catalogue words it (issue 16); null for a free line, which reads as typed. */
      descriptionEn: Text.nullable(),
      quantity: z.number(),
      unitPriceCents: z.number().int(),
      vatRate: z.number().int(),
      vatCategory: VatCategory,
      totalCents: z.number().int(),
      vatCents: z.number().int(),
      /** What of the quantity a credit note can still take back (0 on a credit note). */
      creditableQuantity: z.number(),
    }),
  ),
  payments: z.array(
    z.object({
      id: Text,
      amountCents: z.number().int(),
      paidAt: Text,
      method: z.enum(['bank_transfer', 'ideal', 'direct_debit']),
      reference: Text.nullable(),
    }),
  ),
  creditNotes: z.array(
    z.object({ id: Text, number: Text, issueDate: LocalDate, totalCents: z.number().int(), reason: Text.nullable() }),
  ),
}).meta({ id: 'InvoiceDetail' });

export const IssuedInvoice = z.object({
  id: Text,
  number: Text,
  payer: z.enum(['customer', 'partner']),
  totalCents: z.number().int(),
});
export const IssueOrderInvoicesBody = z.object({ payer: z.enum(['customer', 'partner']).optional() });
export const MonthlyPartnerInvoiceBody = z.object({ entityId: Text.min(1), month: Month });
export const CreditNoteBody = z.object({
  reason: Text.trim().min(3).max(500),
  /** Credit only these lines (by position), each for a quantity; without it, all that is still creditable. */
  lines: z
    .array(z.object({ position: z.number().int().min(1).max(10_000), quantity: z.number().positive().max(1_000_000) }))
    .min(1)
    .max(500)
    .refine((ls) => new Set(ls.map((l) => l.position)).size === ls.length, 'elke regel hoogstens één keer')
    .optional(),
});
export const PaymentBody = z.object({
  amountCents: Int4.positive('bedrag moet groter dan 0 zijn'),
  paidAt: Timestamp,
  method: z.enum(['bank_transfer', 'ideal', 'direct_debit']),
  reference: Text.trim().max(100).optional(),
});
export const PaymentRecorded = z.object({
  id: Text,
  status: InvoiceStatus,
  paidCents: z.number().int(),
  openCents: z.number().int(),
});

export const CommissionParams = z.object({ id: Uuid, month: Month });
/**
 * Why a statement shows no commission: no agreement, agreements without commission (type none, 0% or
 * € 0), no orders that month, or fewer orders than the first tier of a tiered agreement.
 */
export const NoCommissionReason = z.enum([
  'no_agreement',
  'no_commission_agreed',
  'no_orders_in_month',
  'below_first_tier',
]);
export const CommissionStatement = z
  .object({
    partnerId: Text,
    partnerName: Text,
    month: Text,
    totalCents: z.number().int(),
    noCommissionReason: NoCommissionReason.nullable(),
    sections: z.array(
      z.object({
        entityId: Text,
        commissionType: Text,
        basisPoints: z.number().int().nullable(),
        totalCents: z.number().int(),
        lines: z.array(
          z.object({
            orderId: Text,
            orderNumber: Text,
            orderTotalCents: z.number().int(),
            commissionCents: z.number().int(),
            createdAt: Text,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CommissionStatement' });

export const ProfitAndLossQuery = z.object({ entityId: Text.min(1), from: LocalDate, to: LocalDate });
export const ProfitAndLoss = z
  .object({
    entityId: Text,
    from: LocalDate,
    to: LocalDate,
    revenueCents: z.number().int(),
    creditedCents: z.number().int(),
    materialsCents: z.number().int(),
    labourCents: z.number().int(),
    commissionsCents: z.number().int(),
    grossMarginCents: z.number().int(),
    resultCents: z.number().int(),
  })
  .meta({ id: 'ProfitAndLoss' });
