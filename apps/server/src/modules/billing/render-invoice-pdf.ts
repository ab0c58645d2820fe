import { formatEuro } from '../../platform/money.ts';
import { createBrandedPdf, drawTable, drawTotals, legalFooter } from '../../platform/pdf.ts';
import { formatDay, formatMonth, formatNumber, type Language } from '../../platform/sentences/reader-locale.ts';
import { printedVat, REVERSE_CHARGE_NOTE } from '../../platform/vat.ts';
import type { InvoiceDocument } from '../../read-models/invoice-document.ts';

/** The words of the invoice and the credit note in the reader's language, its lines as the catalogue words them in it. */
const WORDS = {
  nl: {
    title: { invoice: 'Factuur', credit_note: 'Creditnota' },
    to: 'aan',
    vatNumber: 'Btw-nummer',
    issued: 'Factuurdatum',
    due: 'Vervaldatum',
    order: 'Order',
    period: (month: string) => `Verzamelfactuur over ${month}`,
    credits: (number: string, date: string) => `Crediteert factuur ${number} van ${date}`,
    columns: ['Omschrijving', 'Aantal', 'Prijs', 'Btw', 'Totaal'],
    subtotal: 'Subtotaal excl. btw',
    vat: 'Btw',
    total: 'Totaal incl. btw',
    // What Dutch law asks of a reverse-charge invoice: the words "btw verlegd" and the buyer's VAT number.
    reverseCharge: (buyer: string, vatNumber: string | null) =>
      `${REVERSE_CHARGE_NOTE} naar ${buyer}, btw-nummer ${vatNumber}.`,
    payBy: (date: string, iban: string, holder: string, number: string) =>
      `Graag betalen vóór ${date} op ${iban} t.n.v. ${holder} onder vermelding van ${number}.`,
  },
  en: {
    title: { invoice: 'Invoice', credit_note: 'Credit note' },
    to: 'to',
    vatNumber: 'VAT number',
    issued: 'Invoice date',
    due: 'Due date',
    order: 'Order',
    period: (month: string) => `Collective invoice for ${month}`,
    credits: (number: string, date: string) => `Credits invoice ${number} of ${date}`,
    columns: ['Description', 'Quantity', 'Price', 'VAT', 'Total'],
    subtotal: 'Subtotal excl. VAT',
    vat: 'VAT',
    total: 'Total incl. VAT',
    // The Dutch legal words stay beside the English ones: the note is what the tax office reads.
    reverseCharge: (buyer: string, vatNumber: string | null) =>
      `Reverse charge (${REVERSE_CHARGE_NOTE.toLowerCase()}): the VAT is reverse-charged to ${buyer}, VAT number ${vatNumber}.`,
    payBy: (date: string, iban: string, holder: string, number: string) =>
      `Please pay before ${date} to ${iban} in the name of ${holder}, quoting ${number}.`,
  },
} as const;

/** The invoice or credit note as a branded PDF with the details Dutch law asks for, in the reader's language. */
export async function renderInvoicePdf(d: InvoiceDocument, language: Language = 'nl'): Promise<Buffer> {
  const { invoice, buyer } = d;
  const w = WORDS[language];
  const day = (date: string) => formatDay(date, language);
  const title = `${w.title[invoice.kind]} ${invoice.number}`;
  const { doc, done } = createBrandedPdf(d.seller, title, { subject: `${title} ${w.to} ${buyer.name}` });
  doc.text(buyer.name);
  if (buyer.street) doc.text(buyer.street).text(`${buyer.postcode ?? ''} ${buyer.city ?? ''}`.trim());
  if (buyer.kvkNumber) doc.text(`KvK ${buyer.kvkNumber}`);
  if (buyer.vatNumber) doc.text(`${w.vatNumber} ${buyer.vatNumber}`);
  doc.moveDown().text(`${w.issued}: ${day(invoice.issueDate)}`);
  if (invoice.kind === 'invoice') doc.text(`${w.due}: ${day(invoice.dueDate)}`);
  if (d.orderNumber) doc.text(`${w.order}: ${d.orderNumber}`);
  if (invoice.periodMonth) doc.text(w.period(formatMonth(invoice.periodMonth, language)));
  // The reason a credit note gives is typed by a person and stays as typed.
  if (d.credited)
    doc.text(
      `${w.credits(d.credited.number, day(d.credited.issueDate))}${invoice.reason ? `: ${invoice.reason}` : ''}`,
    );
  doc.moveDown();
  const [description, quantity, price, vat, total] = w.columns;
  drawTable(
    doc,
    [
      { header: description, width: 245 },
      { header: quantity, width: 50, align: 'right' },
      { header: price, width: 75, align: 'right' },
      { header: vat, width: 40, align: 'right' },
      { header: total, width: 85, align: 'right' },
    ],
    d.lines.map((l) => [
      language === 'en' ? (l.descriptionEn ?? l.description) : l.description,
      formatNumber(Number(l.quantity), language),
      formatEuro(l.unitPriceCents, language),
      printedVat(l),
      formatEuro(l.totalCents, language),
    ]),
    d.seller.brandColor,
  );
  drawTotals(doc, [
    [w.subtotal, formatEuro(invoice.subtotalCents, language)],
    [w.vat, formatEuro(invoice.vatCents, language)],
    [w.total, formatEuro(invoice.totalCents, language), true],
  ]);
  if (invoice.reverseCharge)
    doc.font('Helvetica-Bold').text(w.reverseCharge(buyer.name, buyer.vatNumber)).font('Helvetica').moveDown();
  if (invoice.kind === 'invoice')
    doc.text(w.payBy(day(invoice.dueDate), d.seller.iban, d.seller.legalName, invoice.number));
  legalFooter(doc, d.seller, language);
  doc.end();
  return done;
}
