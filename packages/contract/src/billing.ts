import { z } from 'zod';
import { LocalDate, Uuid } from './common.ts';
import { VatCategory } from './vat.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'verwacht JJJJ-MM');
export const InvoiceStatus = z.enum(['issued', 'partially_paid', 'paid', 'overdue', 'cancelled']);

export const InvoiceListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: InvoiceStatus.optional(),
  entityId: z.string().optional(),
});
export const InvoiceListItem = z.object({
  id: z.string(), number: z.string(), entityId: z.string(), kind: z.enum(['invoice', 'credit_note']), payer: z.enum(['customer', 'partner']), payerName: z.string(),
  orderId: z.string().nullable(), issueDate: LocalDate, dueDate: LocalDate, status: InvoiceStatus, subtotalCents: z.number().int(), vatCents: z.number().int(),
  totalCents: z.number().int(), paidCents: z.number().int(), periodMonth: z.string().nullable(), creditedInvoiceId: z.string().nullable(),
  /** Reverse charge ("Btw verlegd"): the buyer accounts for the VAT; `buyerVatNumber` is the number the invoice states. */
  reverseCharge: z.boolean(), buyerVatNumber: z.string().nullable(),
}).meta({ id: 'InvoiceListItem' });
export const InvoicePage = z.object({ items: z.array(InvoiceListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const InvoiceDetail = InvoiceListItem.extend({
  lines: z.array(z.object({ position: z.number().int(), description: z.string(), quantity: z.number(), unitPriceCents: z.number().int(), vatRate: z.number().int(), vatCategory: VatCategory, totalCents: z.number().int(), vatCents: z.number().int() })),
}).meta({ id: 'InvoiceDetail' });

export const IssuedInvoice = z.object({ id: z.string(), number: z.string(), payer: z.enum(['customer', 'partner']), totalCents: z.number().int() });
export const IssueOrderInvoicesBody = z.object({ payer: z.enum(['customer', 'partner']).optional() });
export const MonthlyPartnerInvoiceBody = z.object({ entityId: z.string().min(1), month: Month });
export const CreditNoteBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const PaymentBody = z.object({
  amountCents: z.number().int().positive('bedrag moet groter dan 0 zijn'),
  paidAt: z.string().datetime({ offset: true }),
  method: z.enum(['bank_transfer', 'ideal', 'direct_debit']),
  reference: z.string().trim().max(100).optional(),
});
export const PaymentRecorded = z.object({ id: z.string(), status: InvoiceStatus, paidCents: z.number().int(), openCents: z.number().int() });

export const CommissionParams = z.object({ id: Uuid, month: Month });
export const CommissionStatement = z.object({
  partnerId: z.string(), partnerName: z.string(), month: z.string(), totalCents: z.number().int(),
  sections: z.array(z.object({
    entityId: z.string(), commissionType: z.string(), basisPoints: z.number().int().nullable(), totalCents: z.number().int(),
    lines: z.array(z.object({ orderId: z.string(), orderNumber: z.string(), orderTotalCents: z.number().int(), commissionCents: z.number().int(), createdAt: z.string() })),
  })),
}).meta({ id: 'CommissionStatement' });

export const ProfitAndLossQuery = z.object({ entityId: z.string().min(1), from: LocalDate, to: LocalDate });
export const ProfitAndLoss = z.object({
  entityId: z.string(), from: LocalDate, to: LocalDate, revenueCents: z.number().int(), creditedCents: z.number().int(), materialsCents: z.number().int(),
  labourCents: z.number().int(), commissionsCents: z.number().int(), grossMarginCents: z.number().int(), resultCents: z.number().int(),
}).meta({ id: 'ProfitAndLoss' });
