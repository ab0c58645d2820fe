import { formatEuro } from '../../platform/money.ts';
import { formatDutchDate } from '../../platform/calendar.ts';
import { createBrandedPdf, drawTable, drawTotals, legalFooter } from '../../platform/pdf.ts';
import type { PurchaseOrderDocument } from '../../read-models/purchase-order-document.ts';

/** The purchase order as the supplier reads it: our brand, their name, what we order and when we expect it. */
export async function renderPurchaseOrderPdf(po: PurchaseOrderDocument): Promise<Buffer> {
  const title = `Inkooporder ${po.number}`;
  const { doc, done } = createBrandedPdf(po.buyer, title, { subject: `${title} aan ${po.supplier}` });
  doc.text(`Aan: ${po.supplier}`);
  doc.text(`Datum: ${formatDutchDate(po.issueDate)}`);
  if (po.expectedOn) doc.text(`Gewenste levering uiterlijk: ${formatDutchDate(po.expectedOn)}`);
  doc.text(`Afleveren: ${po.buyer.legalName}, magazijn ${po.destination}`);
  doc.text(`Vermeld ${po.number} op pakbon en factuur; serienummers graag per stuk op de pakbon.`);
  doc.moveDown();
  drawTable(
    doc,
    [
      { header: 'Artikel', width: 90 },
      { header: 'Omschrijving', width: 215 },
      { header: 'Aantal', width: 55, align: 'right' },
      { header: 'Prijs', width: 70, align: 'right' },
      { header: 'Totaal', width: 70, align: 'right' },
    ],
    po.lines.map((l) => [
      l.sku,
      l.name,
      String(l.quantityOrdered),
      formatEuro(l.unitCostCents),
      formatEuro(l.unitCostCents * l.quantityOrdered),
    ]),
    po.buyer.brandColor,
  );
  drawTotals(doc, [
    ['Totaal excl. btw', formatEuro(po.lines.reduce((a, l) => a + l.unitCostCents * l.quantityOrdered, 0)), true],
  ]);
  legalFooter(doc, po.buyer);
  doc.end();
  return done;
}
