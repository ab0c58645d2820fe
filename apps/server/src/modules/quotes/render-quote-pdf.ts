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
  readIn,
  reverseChargeVatNumber,
  type QuoteDocument,
} from './quote-document.ts';
import { quoteScope } from './quote-scope.ts';
import { readTrail, verifyTrail } from './signing-trail.ts';

type Language = 'nl' | 'en';
const LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;

/** The words of the quote PDF in the reader's language; the lines as the catalogue names them in it. */
const WORDS = {
  nl: {
    quote: 'Offerte',
    partnerQuote: 'Partnerofferte',
    version: 'versie',
    quoteFor: 'Offerte voor',
    for: 'Voor',
    validUntil: 'Geldig tot en met',
    columns: ['Omschrijving', 'Aantal', 'Prijs', 'Btw', 'Totaal'],
    subtotal: 'Subtotaal excl. btw',
    vat: 'Btw',
    total: 'Totaal incl. btw',
    reverseCharge: (party: string, vatNumber: string) =>
      `${REVERSE_CHARGE_NOTE}: de btw over de regels met "verlegd" wordt verlegd naar ${party}, btw-nummer ${vatNumber}.`,
    technicalScope: 'Technische omvang van de hele opdracht',
    visits: 'Bezoeken',
    and: ' en ',
    hours: 'uur',
    visitTypes: { survey: 'Schouwing', installation: 'Installatie', meter_replacement: 'Meterkastwerk' },
    fingerprint: 'Documentkenmerk (SHA-256)',
    certificate: 'Certificaat van ondertekening',
    signedBy: 'Ondertekend door',
    roles: { customer: 'klant', partner: 'partner' },
    methods: { drawn: 'getekend', typed: 'naam getypt' },
    time: 'Tijdstip',
    ip: 'IP-adres',
    signedHash: 'SHA-256 van het ondertekende document',
    trail: (intact: boolean) => `Audittrail (${intact ? 'keten intact' : 'KETEN VERBROKEN'})`,
    previous: 'vorige',
  },
  en: {
    quote: 'Quote',
    partnerQuote: 'Partner quote',
    version: 'version',
    quoteFor: 'Quote for',
    for: 'For',
    validUntil: 'Valid until',
    columns: ['Description', 'Quantity', 'Price', 'VAT', 'Total'],
    subtotal: 'Subtotal excl. VAT',
    vat: 'VAT',
    total: 'Total incl. VAT',
    reverseCharge: (party: string, vatNumber: string) =>
      `${REVERSE_CHARGE_NOTE} (reverse charge): the VAT on the lines marked "verlegd" is reverse-charged to ${party}, VAT number ${vatNumber}.`,
    technicalScope: 'Technical scope of the whole job',
    visits: 'Visits',
    and: ' and ',
    hours: 'hours',
    visitTypes: { survey: 'Survey', installation: 'Installation', meter_replacement: 'Meter cabinet work' },
    fingerprint: 'Document fingerprint (SHA-256)',
    certificate: 'Signing certificate',
    signedBy: 'Signed by',
    roles: { customer: 'customer', partner: 'partner' },
    methods: { drawn: 'drawn', typed: 'name typed' },
    time: 'Time',
    ip: 'IP address',
    signedHash: 'SHA-256 of the signed document',
    trail: (intact: boolean) => `Audit trail (${intact ? 'chain intact' : 'CHAIN BROKEN'})`,
    previous: 'previous',
  },
} as const;

/** A reader may render the view of their own side; staff either side. */
export async function renderQuotePdfFor(
  db: DbOrTx,
  actor: Actor,
  opts: { quoteId: string; view: 'customer' | 'partner'; language?: Language | undefined },
) {
  const [visible] = await db
    .select({ id: quotes.id })
    .from(quotes)
    .where(and(eq(quotes.id, opts.quoteId), quoteScope(actor)));
  if (!visible) throw notFound('Offerte');
  if ((actor.role === 'customer' || actor.role === 'partner') && actor.role !== opts.view)
    throw forbidden('U ziet alleen uw eigen deel van de offerte');
  const doc = (await loadQuoteDocument(db, opts.quoteId))!;
  return renderQuotePdf(db, doc, opts.view, opts.language);
}

/**
 * The quote view of one side as a branded PDF. Once that side has signed this version, a certificate
 * page follows with the signature evidence and the hash-chained signing trail.
 */
export async function renderQuotePdf(
  db: DbOrTx,
  qd: QuoteDocument,
  view: 'customer' | 'partner',
  language: Language = 'nl',
) {
  const w = WORDS[language];
  const euro = (cents: number) => formatEuro(cents, language);
  const qty = (n: number) => new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 3 }).format(n);
  // What the reader reads: the lines in their language. The fingerprint below is that of the part as signed.
  const part = quotePart(readIn(qd, language), view);
  const title = `${view === 'customer' ? w.quote : w.partnerQuote} ${part.quoteNumber} (${w.version} ${part.version})`;
  const { doc, done } = createBrandedPdf(qd.entity, title, { subject: `${w.quoteFor} ${part.signerParty}` });
  doc
    .text(`${w.for}: ${part.signerParty}`)
    .text(
      `${w.validUntil}: ${new Date(`${part.validUntil}T12:00:00Z`).toLocaleDateString(LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' })}`,
    )
    .moveDown();
  const rows = part.lines.map((l) => [
    view === 'partner' && l.specification ? `${l.description}\n${l.specification}` : l.description,
    qty(l.quantity),
    euro(l.unitPriceCents),
    printedVat(l),
    euro(l.totalCents),
  ]);
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
    rows,
    qd.entity.brandColor,
  );
  drawTotals(doc, [
    [w.subtotal, euro(part.netCents)],
    [w.vat, euro(part.vatCents)],
    [w.total, euro(part.grossCents), true],
  ]);
  const shiftedTo = reverseChargeVatNumber(qd, part);
  if (shiftedTo) doc.text(w.reverseCharge(part.signerParty, shiftedTo)).moveDown();
  if (view === 'partner') {
    doc.font('Helvetica-Bold').text(w.technicalScope).font('Helvetica').moveDown(0.3);
    for (const l of part.technicalScope)
      doc.fontSize(9).text(`${qty(l.quantity)} × ${l.description}${l.specification ? ` (${l.specification})` : ''}`);
    doc.fontSize(10).moveDown();
  }
  if (part.visits.length)
    doc
      .text(
        `${w.visits}: ${part.visits.map((v) => `${w.visitTypes[v.type]} (${qty(Math.round(v.durationMinutes / 6) / 10)} ${w.hours})`).join(w.and)}`,
      )
      .moveDown();
  doc
    .fontSize(8)
    .fillColor('#6b7280')
    .text(`${w.fingerprint}: ${partSha256(quotePart(qd, view))}`)
    .fillColor('#111827')
    .fontSize(10);
  legalFooter(doc, qd.entity, language);
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
  if (signature) await certificatePage(db, doc, qd, signature, language);
  doc.end();
  return done;
}

async function certificatePage(
  db: DbOrTx,
  doc: PDFKit.PDFDocument,
  qd: QuoteDocument,
  s: typeof quoteSignatures.$inferSelect,
  language: Language,
) {
  const w = WORDS[language];
  const trail = await readTrail(db, qd.quote.id);
  doc.addPage().font('Helvetica-Bold').fontSize(16).text(w.certificate).font('Helvetica').fontSize(10).moveDown();
  doc.text(`${w.signedBy}: ${s.signerName} (${w.roles[s.role]}), ${w.methods[s.method ?? 'typed']}`);
  doc.text(
    `${w.time}: ${s.usedAt!.toLocaleString(LOCALE[language], { timeZone: 'Europe/Amsterdam' })} (Europe/Amsterdam)`,
  );
  doc.text(`${w.ip}: ${s.ip}   User-agent: ${s.userAgent}`);
  doc.text(`${w.signedHash}: ${s.documentSha256}`).moveDown();
  doc
    .font('Helvetica-Bold')
    .text(w.trail(verifyTrail(trail)))
    .font('Helvetica')
    .fontSize(8)
    .moveDown(0.3);
  // The chain is checked whole; each side's certificate prints the entries about its own part.
  for (const e of trail.filter((t) => !t.detail.role || t.detail.role === s.role)) {
    if (doc.y > doc.page.height - 80) doc.addPage();
    doc
      .text(`#${e.sequence} ${e.at.toISOString()} ${e.event} ${JSON.stringify(e.detail)}`)
      .fillColor('#6b7280')
      .text(`${w.previous} ${e.prevHash.slice(0, 16)}… hash ${e.hash}`)
      .fillColor('#111827');
  }
}
