import { formatEuro } from '../../platform/money.ts';
import { monthName } from '../../platform/calendar.ts';
import { createBrandedPdf, drawTable, drawTotals, legalFooter } from '../../platform/pdf.ts';
import { printedVat, REVERSE_CHARGE_NOTE } from '../../platform/vat.ts';
import type { InvoiceDocument } from '../../read-models/invoice-document.ts';

const date = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
const qty = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 }).format(n);

/** The invoice or credit note as a branded PDF with the details Dutch law asks for. */
export async function renderInvoicePdf(d: InvoiceDocument): Promise<Buffer> {
  const { invoice, buyer } = d;
  const title = `${invoice.kind === 'credit_note' ? 'Creditnota' : 'Factuur'} ${invoice.number}`;
  const { doc, done } = createBrandedPdf(d.seller, title, { subject: `${title} aan ${buyer.name}` });
  doc.text(buyer.name);
  if (buyer.street) doc.text(buyer.street).text(`${buyer.postcode ?? ''} ${buyer.city ?? ''}`.trim());
  if (buyer.kvkNumber) doc.text(`KvK ${buyer.kvkNumber}`);
  if (buyer.vatNumber) doc.text(`Btw-nummer ${buyer.vatNumber}`);
  doc.moveDown().text(`Factuurdatum: ${date(invoice.issueDate)}`);
  if (invoice.kind === 'invoice') doc.text(`Vervaldatum: ${date(invoice.dueDate)}`);
  if (d.orderNumber) doc.text(`Order: ${d.orderNumber}`);
  if (invoice.periodMonth) doc.text(`Verzamelfactuur over ${monthName(invoice.periodMonth)}`);
  if (d.credited)
    doc.text(
      `Crediteert factuur ${d.credited.number} van ${date(d.credited.issueDate)}${invoice.reason ? `: ${invoice.reason}` : ''}`,
    );
  doc.moveDown();
  drawTable(
    doc,
    [
      { header: 'Omschrijving', width: 245 },
      { header: 'Aantal', width: 50, align: 'right' },
      { header: 'Prijs', width: 75, align: 'right' },
      { header: 'Btw', width: 40, align: 'right' },
      { header: 'Totaal', width: 85, align: 'right' },
    ],
    d.lines.map((l) => [
      l.description,
      qty(Number(l.quantity)),
      formatEuro(l.unitPriceCents),
      printedVat(l),
      formatEuro(l.totalCents),
    ]),
    d.seller.brandColor,
  );
  drawTotals(doc, [
    ['Subtotaal excl. btw', formatEuro(invoice.subtotalCents)],
    ['Btw', formatEuro(invoice.vatCents)],
    ['Totaal incl. btw', formatEuro(invoice.totalCents), true],
  ]);
  // What Dutch law asks of a reverse-charge invoice: the words "btw verlegd" and the buyer's VAT number.
  if (invoice.reverseCharge)
    doc
      .font('Helvetica-Bold')
      .text(`${REVERSE_CHARGE_NOTE} naar ${buyer.name}, btw-nummer ${buyer.vatNumber}.`)
      .font('Helvetica')
      .moveDown();
  if (invoice.kind === 'invoice')
    doc.text(
      `Graag betalen vóór ${date(invoice.dueDate)} op ${d.seller.iban} t.n.v. ${d.seller.legalName} onder vermelding van ${invoice.number}.`,
    );
  legalFooter(doc, d.seller);
  doc.end();
  return done;
}
