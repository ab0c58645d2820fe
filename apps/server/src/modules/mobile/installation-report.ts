import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { createBrandedPdf, drawTable, legalFooter } from '../../platform/pdf.ts';
import { storeEmail } from '../../platform/mail.ts';
import { messagePreferences } from '../../platform/mail.schema.ts';
import { formatMoment, formatDay, type Language } from '../../platform/sentences/reader-locale.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import type { fieldVisitForCommand } from '../../read-models/field-visits.ts';
import { CHECKLIST_TEMPLATES, type VisitType } from './checklist-templates.ts';
import { installationReports, mobilePhotos } from './mobile.schema.ts';
import { visitExecutionsOf, type Execution } from './visit-execution.ts';

type ReportVisit = NonNullable<Awaited<ReturnType<typeof fieldVisitForCommand>>>;

// pdfkit embeds JPEG and PNG; WebP photos are listed by their hash instead.
const EMBEDDABLE = new Set(['image/jpeg', 'image/png']);
const MAX_PHOTOS = 12;

/** The report's words in the customer's language; what the technician typed stays as typed. */
const WORDS = {
  nl: {
    title: 'Installatierapport',
    for: 'voor',
    visit: 'bezoek',
    arrival: 'Aankomst',
    checks: 'Controles en metingen',
    columns: ['Stap', 'Uitkomst'],
    photoCount: (n: number) => `${n} foto${n === 1 ? '' : "'s"}`,
    yes: 'ja',
    no: 'nee',
    parts: 'Geplaatste onderdelen',
    partColumns: ['Onderdeel', 'Aantal', 'Serienummer'],
    issues: 'Gemelde problemen',
    satisfaction: (score: number) => `Tevredenheid van de klant: ${score} van 5`,
    photos: 'Foto’s',
    agreed: 'Voor akkoord',
  },
  en: {
    title: 'Installation report',
    for: 'for',
    visit: 'visit',
    arrival: 'Arrival',
    checks: 'Checks and measurements',
    columns: ['Step', 'Result'],
    photoCount: (n: number) => `${n} photo${n === 1 ? '' : 's'}`,
    yes: 'yes',
    no: 'no',
    parts: 'Parts installed',
    partColumns: ['Part', 'Quantity', 'Serial number'],
    issues: 'Problems reported',
    satisfaction: (score: number) => `Customer satisfaction: ${score} out of 5`,
    photos: 'Photos',
    agreed: 'Signed off by',
  },
} as const;

/**
 * The installation report (checklist with measurements, photos, serials, signature) stored with the
 * visit, and a message to the customer in the mail outbox, in the completing command's transaction.
 */
export async function storeInstallationReport(tx: Tx, visit: ReportVisit, publicUrl: string) {
  const execution = (await visitExecutionsOf(tx, [visit.id])).get(visit.id)!;
  const shas = [
    ...execution.photos.slice(0, MAX_PHOTOS).map((p) => p.sha256),
    ...(execution.signature ? [execution.signature.imageSha256] : []),
  ];
  const images = new Map(
    (shas.length
      ? await tx
          .select({ sha: mobilePhotos.sha256, type: mobilePhotos.contentType, bytes: mobilePhotos.bytes })
          .from(mobilePhotos)
          .where(inArray(mobilePhotos.sha256, shas))
      : []
    ).map((r) => [r.sha, r]),
  );
  // Written for its recipient: in the language the customer chose for their messages (Dutch without a choice).
  const [preference] = await tx
    .select({ language: messagePreferences.language })
    .from(messagePreferences)
    .where(eq(messagePreferences.customerId, visit.customerId));
  const language = preference?.language ?? 'nl';
  const pdf = await renderReport(visit, execution, images, language);
  await tx.insert(installationReports).values({ visitId: visit.id, pdf }).onConflictDoNothing();
  await storeEmail(tx, {
    to: visit.customerEmail,
    customerId: visit.customerId,
    ...(await renderMessage(tx, {
      type: 'installation_report',
      language,
      brand: visit.brand,
      values: {
        customerName: visit.customerName,
        visitNumber: visit.number,
        address: `${visit.street} ${visit.houseNumber}${visit.houseNumberAddition ?? ''}`,
        link: `${publicUrl}/api/visits/${visit.id}/installation-report`,
      },
    })),
  });
}

/** Whether a visit has its report, and its bytes. */
export async function installationReportOf(tx: DbOrTx, visitId: string) {
  const [row] = await tx.select().from(installationReports).where(eq(installationReports.visitId, visitId));
  return row?.pdf ?? null;
}

async function renderReport(
  visit: ReportVisit,
  x: Execution,
  images: Map<string, { type: string; bytes: Buffer }>,
  language: Language,
): Promise<Buffer> {
  const w = WORDS[language];
  const shown = (v: boolean | number | string) => (typeof v === 'boolean' ? (v ? w.yes : w.no) : String(v));
  const title = `${w.title} ${visit.number}`;
  const { doc, done } = createBrandedPdf(
    { ...visit.brand, name: visit.brand.name, legalName: visit.brand.legalName },
    title,
    { subject: `${title} ${w.for} ${visit.customerName}` },
  );
  doc.text(visit.customerName);
  doc.text(`${visit.street} ${visit.houseNumber}${visit.houseNumberAddition ?? ''}, ${visit.postcode} ${visit.city}`);
  doc.text(
    `Order ${visit.orderNumber} · ${w.visit} ${visit.number}${visit.date ? ` · ${formatDay(visit.date, language)}` : ''}`,
  );
  if (x.arrivedAt) doc.text(`${w.arrival}: ${formatMoment(new Date(x.arrivedAt), language)}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text(w.checks).font('Helvetica');
  drawTable(
    doc,
    [
      { header: w.columns[0], width: 300 },
      { header: w.columns[1], width: 195 },
    ],
    CHECKLIST_TEMPLATES[visit.type as VisitType].map((item) => {
      const a = x.answers[item.key];
      const photos = x.photos.filter((p) => p.step === item.key).length;
      const value =
        item.kind === 'photo' ? w.photoCount(photos) : a ? `${shown(a.value)}${item.unit ? ` ${item.unit}` : ''}` : '—';
      return [language === 'en' ? item.labelEn : item.label, value];
    }),
    visit.brand.brandColor,
  );
  if (x.parts.length) {
    doc.font('Helvetica-Bold').text(w.parts).font('Helvetica');
    drawTable(
      doc,
      [
        { header: w.partColumns[0], width: 300 },
        { header: w.partColumns[1], width: 60, align: 'right' },
        { header: w.partColumns[2], width: 135 },
      ],
      x.parts.map((p) => [
        language === 'en' ? (p.productNameEn ?? p.productName) : p.productName,
        String(p.quantity),
        p.serialNumber ?? '',
      ]),
      visit.brand.brandColor,
    );
  }
  if (x.issues.length) {
    doc.font('Helvetica-Bold').text(w.issues).font('Helvetica');
    for (const i of x.issues) doc.text(`${i.category}: ${i.note}`);
    doc.moveDown();
  }
  if (x.satisfaction) doc.text(w.satisfaction(x.satisfaction));
  const photos = x.photos.slice(0, MAX_PHOTOS).filter((p) => EMBEDDABLE.has(images.get(p.sha256)?.type ?? ''));
  if (photos.length) {
    doc.addPage().font('Helvetica-Bold').text(w.photos).font('Helvetica');
    for (const p of photos) {
      if (doc.y > doc.page.height - 240) doc.addPage();
      doc.text(p.step);
      doc.image(images.get(p.sha256)!.bytes, { fit: [240, 180] });
      doc.moveDown();
    }
  }
  if (x.signature) {
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.moveDown().text(`${w.agreed}: ${x.signature.signerName}`);
    const image = images.get(x.signature.imageSha256);
    if (image && EMBEDDABLE.has(image.type)) doc.image(image.bytes, { fit: [240, 100] });
  }
  legalFooter(doc, visit.brand, language);
  doc.end();
  return done;
}
