import type { DbOrTx } from '../../platform/db/client.ts';
import { formatDutchDate } from '../../platform/calendar.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { storeEmail } from '../../platform/mail.ts';
import { formatEuro } from '../../platform/money.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import { loadInvoiceDocument } from '../../read-models/invoice-document.ts';
import { customerLanguage } from '../../read-models/message-recipients.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';

/**
 * An issued invoice to its payer (the customer, or the partner for its part), with the PDF attached, from
 * the seller's brand. Once per invoice, however often `invoice.issued` is delivered; a payer without an
 * address gets none (the invoice stays readable in their portal).
 */
export async function mailIssuedInvoice(db: DbOrTx, invoiceId: string) {
  const doc = await loadInvoiceDocument(db, SYSTEM_ACTOR, invoiceId);
  const { invoice, buyer } = doc;
  if (invoice.kind !== 'invoice' || !buyer.email) return;
  const language = invoice.payer === 'customer' ? await customerLanguage(db, invoice.customerId!) : 'nl';
  const pdf = await renderInvoicePdf(doc);
  await storeEmail(db, {
    to: buyer.email,
    customerId: invoice.customerId,
    dedupeKey: `invoice_sent:${invoice.id}`,
    ...(await renderMessage(db, {
      type: 'invoice_sent',
      language,
      brand: doc.seller,
      values: {
        payerName: buyer.name,
        invoiceNumber: invoice.number,
        total: formatEuro(invoice.totalCents, language),
        dueDate: language === 'nl' ? formatDutchDate(invoice.dueDate) : invoice.dueDate,
        orderNumber: doc.orderNumber ?? undefined,
      },
    })),
    attachments: [
      { filename: `${invoice.number}.pdf`, contentType: 'application/pdf', contentBase64: pdf.toString('base64') },
    ],
  });
}
