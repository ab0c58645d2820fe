import PDFDocument from 'pdfkit';

export type Brand = {
  name: string;
  legalName: string;
  brandColor: string;
  website: string;
  kvkNumber: string;
  vatNumber: string;
  iban: string;
};
export type Column = { header: string; width: number; align?: 'left' | 'right' };

/**
 * A branded A4 document (pdfkit, pure JS, standard Helvetica: nothing to load at run time).
 * Returns the document to draw on and a promise of the finished bytes.
 */
export function createBrandedPdf(brand: Brand, title: string, meta: { subject: string }) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: title, Author: brand.legalName, Subject: meta.subject },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, brand, title);
  return { doc, done };
}

function header(doc: PDFKit.PDFDocument, brand: Brand, title: string) {
  doc.rect(0, 0, doc.page.width, 70).fill(brand.brandColor);
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(20).text(brand.name, 50, 24);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(brand.website.replace(/^https?:\/\//, ''), 50, 30, { align: 'right' });
  doc.fillColor('#111827').font('Helvetica-Bold').fontSize(16).text(title, 50, 90);
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
}

/** Footer with the legal details Dutch invoices and quotes must carry (the KvK number keeps its Dutch name). */
export function legalFooter(doc: PDFKit.PDFDocument, brand: Brand, language: 'nl' | 'en' = 'nl') {
  const y = doc.page.height - 60;
  const vat = language === 'en' ? 'VAT' : 'btw';
  doc
    .fontSize(8)
    .fillColor('#6b7280')
    .text(`${brand.legalName} · KvK ${brand.kvkNumber} · ${vat} ${brand.vatNumber} · IBAN ${brand.iban}`, 50, y, {
      align: 'center',
      width: doc.page.width - 100,
      lineBreak: false,
    });
  doc.fillColor('#111827').fontSize(10);
}

/** A simple table that starts a new page when the page is full. */
export function drawTable(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][], brandColor: string) {
  const x0 = 50;
  const drawRow = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = x0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 }));
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: columns[i]!.width - 6, align: columns[i]!.align ?? 'left' });
      x += columns[i]!.width;
    });
    doc.y = y + Math.max(...heights) + 4;
    doc.x = x0;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  doc
    .moveTo(x0, doc.y - 2)
    .lineTo(x0 + columns.reduce((a, c) => a + c.width, 0), doc.y - 2)
    .strokeColor(brandColor)
    .stroke();
  for (const r of rows) {
    if (doc.y > doc.page.height - 120) doc.addPage();
    drawRow(r, false);
  }
  doc.moveDown(0.5);
}

/** Label-value lines right-aligned under a table (subtotal, VAT, total). */
export function drawTotals(doc: PDFKit.PDFDocument, rows: [string, string, boolean?][]) {
  for (const [label, value, bold] of rows) {
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .text(label, 300, y, { width: 150 })
      .text(value, 450, y, { width: 95, align: 'right' });
  }
  doc.font('Helvetica').moveDown();
  doc.x = 50;
}
