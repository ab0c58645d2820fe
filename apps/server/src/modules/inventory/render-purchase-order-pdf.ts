import { formatEuro } from '../../platform/money.ts';
import { createBrandedPdf, drawTable, drawTotals, legalFooter } from '../../platform/pdf.ts';
import { formatDay, formatNumber, type Language } from '../../platform/sentences/reader-locale.ts';
import type { PurchaseOrderDocument } from '../../read-models/purchase-order-document.ts';

const WORDS = {
  nl: {
    title: 'Inkooporder',
    to: 'Aan',
    date: 'Datum',
    deliverBy: 'Gewenste levering uiterlijk',
    deliverTo: (buyer: string, warehouse: string) => `Afleveren: ${buyer}, magazijn ${warehouse}`,
    quoteNumber: (number: string) =>
      `Vermeld ${number} op pakbon en factuur; serienummers graag per stuk op de pakbon.`,
    columns: ['Artikel', 'Omschrijving', 'Aantal', 'Prijs', 'Totaal'],
    total: 'Totaal excl. btw',
  },
  en: {
    title: 'Purchase order',
    to: 'To',
    date: 'Date',
    deliverBy: 'Deliver no later than',
    deliverTo: (buyer: string, warehouse: string) => `Deliver to: ${buyer}, warehouse ${warehouse}`,
    quoteNumber: (number: string) =>
      `Please quote ${number} on the packing slip and the invoice, and list the serial numbers per item on the packing slip.`,
    columns: ['Item', 'Description', 'Quantity', 'Price', 'Total'],
    total: 'Total excl. VAT',
  },
} as const;

/** The purchase order as the supplier reads it: our brand, their name, what we order and when we expect it. */
export async function renderPurchaseOrderPdf(po: PurchaseOrderDocument, language: Language = 'nl'): Promise<Buffer> {
  const w = WORDS[language];
  const title = `${w.title} ${po.number}`;
  const { doc, done } = createBrandedPdf(po.buyer, title, { subject: `${title}: ${po.supplier}` });
  doc.text(`${w.to}: ${po.supplier}`);
  doc.text(`${w.date}: ${formatDay(po.issueDate, language)}`);
  if (po.expectedOn) doc.text(`${w.deliverBy}: ${formatDay(po.expectedOn, language)}`);
  doc.text(w.deliverTo(po.buyer.legalName, po.destination));
  doc.text(w.quoteNumber(po.number));
  doc.moveDown();
  const [item, description, quantity, price, total] = w.columns;
  drawTable(
    doc,
    [
      { header: item, width: 90 },
      { header: description, width: 215 },
      { header: quantity, width: 55, align: 'right' },
      { header: price, width: 70, align: 'right' },
      { header: total, width: 70, align: 'right' },
    ],
    po.lines.map((l) => [
      l.sku,
      l.name,
      formatNumber(l.quantityOrdered, language),
      formatEuro(l.unitCostCents, language),
      formatEuro(l.unitCostCents * l.quantityOrdered, language),
    ]),
    po.buyer.brandColor,
  );
  const sum = po.lines.reduce((a, l) => a + l.unitCostCents * l.quantityOrdered, 0);
  drawTotals(doc, [[w.total, formatEuro(sum, language), true]]);
  legalFooter(doc, po.buyer, language);
  doc.end();
  return done;
}
