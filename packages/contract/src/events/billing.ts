import { z } from 'zod';
import { Cents, Text } from '../common.ts';
import { InvoiceStatus } from '../billing.ts';
import { defineEvent } from './define-event.ts';

const Issued = z.object({
  number: Text,
  kind: z.enum(['invoice', 'credit_note']),
  payer: z.enum(['customer', 'partner']),
  totalCents: Cents,
  reverseCharge: z.boolean(),
});
const Payment = z.object({ number: Text, paidCents: Cents, status: InvoiceStatus });

export const InvoiceIssuedEvent = defineEvent('invoice.issued', 'An invoice was issued to its payer.', Issued);
export const CreditNoteIssuedEvent = defineEvent(
  'credit_note.issued',
  'A credit note was issued against an invoice.',
  Issued,
);
export const InvoicePaymentRecordedEvent = defineEvent(
  'invoice.payment_recorded',
  'A part payment of an invoice was recorded.',
  Payment,
);
export const InvoicePaidEvent = defineEvent('invoice.paid', 'An invoice is paid in full.', Payment);
export const InvoiceOverdueEvent = defineEvent(
  'invoice.overdue',
  'An invoice passed its due date unpaid.',
  z.object({ number: Text, openCents: Cents }),
);

export const BILLING_EVENTS = [
  InvoiceIssuedEvent,
  CreditNoteIssuedEvent,
  InvoicePaymentRecordedEvent,
  InvoicePaidEvent,
  InvoiceOverdueEvent,
] as const;
