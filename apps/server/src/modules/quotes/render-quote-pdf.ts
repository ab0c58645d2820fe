import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { formatEuro } from '../../platform/money.ts';
import { createBrandedPdf, drawTable, drawTotals, legalFooter } from '../../platform/pdf.ts';
import { printedVat, REVERSE_CHARGE_NOTE } from '../../platform/vat.ts';
import { quotes, quoteSignatures } from './quotes.schema.ts';
import {
  loadQuoteDocument,
  partSha256,
  quotePart,
  reverseChargeVatNumber,
  type QuoteDocument,
} from './quote-document.ts';
import { quoteScope } from './quote-scope.ts';
import { readTrail, verifyTrail } from './signing-trail.ts';

const VISIT_NL = { survey: 'Schouwing', installation: 'Installatie', meter_replacement: 'Meterkastwerk' } as const;
const qty = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 }).format(n);

/** A reader may render the view of their own side; staff either side. */
export async function renderQuotePdfFor(
  db: DbOrTx,
  actor: Actor,
  opts: { quoteId: string; view: 'customer' | 'partner' },
) {
  const [visible] = await db
    .select({ id: quotes.id })
    .from(quotes)
    .where(and(eq(quotes.id, opts.quoteId), quoteScope(actor)));
  if (!visible) throw notFound('Offerte');
  if ((actor.role === 'customer' || actor.role === 'partner') && actor.role !== opts.view)
    throw forbidden('U ziet alleen uw eigen deel van de offerte');
  const doc = (await loadQuoteDocument(db, opts.quoteId))!;
  return renderQuotePdf(db, doc, opts.view);
}

/**
 * The quote view of one side as a branded PDF. Once that side has signed this version, a certificate
 * page follows with the signature evidence and the hash-chained signing trail.
 */
export async function renderQuotePdf(db: DbOrTx, qd: QuoteDocument, view: 'customer' | 'partner') {
  const part = quotePart(qd, view);
  const title = `${view === 'customer' ? 'Offerte' : 'Partnerofferte'} ${part.quoteNumber} (versie ${part.version})`;
  const { doc, done } = createBrandedPdf(qd.entity, title, { subject: `Offerte voor ${part.signerParty}` });
  doc
    .text(`Voor: ${part.signerParty}`)
    .text(
      `Geldig tot en met: ${new Date(`${part.validUntil}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' })}`,
    )
    .moveDown();
  const rows = part.lines.map((l) => [
    view === 'partner' && l.specification ? `${l.description}\n${l.specification}` : l.description,
    qty(l.quantity),
    formatEuro(l.unitPriceCents),
    printedVat(l),
    formatEuro(l.totalCents),
  ]);
  drawTable(
    doc,
    [
      { header: 'Omschrijving', width: 245 },
      { header: 'Aantal', width: 50, align: 'right' },
      { header: 'Prijs', width: 75, align: 'right' },
      { header: 'Btw', width: 40, align: 'right' },
      { header: 'Totaal', width: 85, align: 'right' },
    ],
    rows,
    qd.entity.brandColor,
  );
  drawTotals(doc, [
    ['Subtotaal excl. btw', formatEuro(part.netCents)],
    ['Btw', formatEuro(part.vatCents)],
    ['Totaal incl. btw', formatEuro(part.grossCents), true],
  ]);
  const shiftedTo = reverseChargeVatNumber(qd, part);
  if (shiftedTo)
    doc
      .text(
        `${REVERSE_CHARGE_NOTE}: de btw over de regels met "verlegd" wordt verlegd naar ${part.signerParty}, btw-nummer ${shiftedTo}.`,
      )
      .moveDown();
  if (view === 'partner') {
    doc.font('Helvetica-Bold').text('Technische omvang van de hele opdracht').font('Helvetica').moveDown(0.3);
    for (const l of part.technicalScope)
      doc.fontSize(9).text(`${qty(l.quantity)} × ${l.description}${l.specification ? ` (${l.specification})` : ''}`);
    doc.fontSize(10).moveDown();
  }
  if (part.visits.length)
    doc
      .text(
        `Bezoeken: ${part.visits.map((v) => `${VISIT_NL[v.type]} (${Math.round(v.durationMinutes / 6) / 10} uur)`).join(' en ')}`,
      )
      .moveDown();
  doc
    .fontSize(8)
    .fillColor('#6b7280')
    .text(`Documentkenmerk (SHA-256): ${partSha256(part)}`)
    .fillColor('#111827')
    .fontSize(10);
  legalFooter(doc, qd.entity);
  const [signature] = await db
    .select()
    .from(quoteSignatures)
    .where(
      and(
        eq(quoteSignatures.quoteVersionId, qd.version.id),
        eq(quoteSignatures.role, view),
        eq(quoteSignatures.status, 'signed'),
      ),
    );
  if (signature) await certificatePage(db, doc, qd, signature);
  doc.end();
  return done;
}

async function certificatePage(
  db: DbOrTx,
  doc: PDFKit.PDFDocument,
  qd: QuoteDocument,
  s: typeof quoteSignatures.$inferSelect,
) {
  const trail = await readTrail(db, qd.quote.id);
  doc
    .addPage()
    .font('Helvetica-Bold')
    .fontSize(16)
    .text('Certificaat van ondertekening')
    .font('Helvetica')
    .fontSize(10)
    .moveDown();
  doc.text(
    `Ondertekend door: ${s.signerName} (${s.role === 'customer' ? 'klant' : 'partner'}), ${s.method === 'drawn' ? 'getekend' : 'naam getypt'}`,
  );
  doc.text(`Tijdstip: ${s.usedAt!.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })} (Europe/Amsterdam)`);
  doc.text(`IP-adres: ${s.ip}   User-agent: ${s.userAgent}`);
  doc.text(`SHA-256 van het ondertekende document: ${s.documentSha256}`).moveDown();
  doc
    .font('Helvetica-Bold')
    .text(`Audittrail (${verifyTrail(trail) ? 'keten intact' : 'KETEN VERBROKEN'})`)
    .font('Helvetica')
    .fontSize(8)
    .moveDown(0.3);
  // The chain is checked whole; each side's certificate prints the entries about its own part.
  for (const e of trail.filter((t) => !t.detail.role || t.detail.role === s.role)) {
    if (doc.y > doc.page.height - 80) doc.addPage();
    doc
      .text(`#${e.sequence} ${e.at.toISOString()} ${e.event} ${JSON.stringify(e.detail)}`)
      .fillColor('#6b7280')
      .text(`vorige ${e.prevHash.slice(0, 16)}… hash ${e.hash}`)
      .fillColor('#111827');
  }
}
