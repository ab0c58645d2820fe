import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { createBrandedPdf, drawTable, legalFooter } from '../../platform/pdf.ts';
import { storeEmail } from '../../platform/mail.ts';
import { renderMessage } from '../../platform/messaging/templates/render-message.ts';
import type { fieldVisitForCommand } from '../../read-models/field-visits.ts';
import { CHECKLIST_TEMPLATES, type VisitType } from './checklist-templates.ts';
import { installationReports, mobilePhotos } from './mobile.schema.ts';
import { visitExecutionsOf, type Execution } from './visit-execution.ts';

type ReportVisit = NonNullable<Awaited<ReturnType<typeof fieldVisitForCommand>>>;

// pdfkit embeds JPEG and PNG; WebP photos are listed by their hash instead.
const EMBEDDABLE = new Set(['image/jpeg', 'image/png']);
const MAX_PHOTOS = 12;

const shown = (v: boolean | number | string) => (typeof v === 'boolean' ? (v ? 'ja' : 'nee') : String(v));

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
  const pdf = await renderReport(visit, execution, images);
  await tx.insert(installationReports).values({ visitId: visit.id, pdf }).onConflictDoNothing();
  await storeEmail(tx, {
    to: visit.customerEmail,
    customerId: visit.customerId,
    ...(await renderMessage(tx, {
      type: 'installation_report',
      language: 'nl',
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
): Promise<Buffer> {
  const title = `Installatierapport ${visit.number}`;
  const { doc, done } = createBrandedPdf(
    { ...visit.brand, name: visit.brand.name, legalName: visit.brand.legalName },
    title,
    { subject: `${title} voor ${visit.customerName}` },
  );
  doc.text(visit.customerName);
  doc.text(`${visit.street} ${visit.houseNumber}${visit.houseNumberAddition ?? ''}, ${visit.postcode} ${visit.city}`);
  doc.text(`Order ${visit.orderNumber} · bezoek ${visit.number}${visit.date ? ` · ${visit.date}` : ''}`);
  if (x.arrivedAt)
    doc.text(`Aankomst: ${new Date(x.arrivedAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Controles en metingen').font('Helvetica');
  drawTable(
    doc,
    [
      { header: 'Stap', width: 300 },
      { header: 'Uitkomst', width: 195 },
    ],
    CHECKLIST_TEMPLATES[visit.type as VisitType].map((item) => {
      const a = x.answers[item.key];
      const photos = x.photos.filter((p) => p.step === item.key).length;
      const value =
        item.kind === 'photo' ? `${photos} foto('s)` : a ? `${shown(a.value)}${item.unit ? ` ${item.unit}` : ''}` : '—';
      return [item.label, value];
    }),
    visit.brand.brandColor,
  );
  if (x.parts.length) {
    doc.font('Helvetica-Bold').text('Geplaatste onderdelen').font('Helvetica');
    drawTable(
      doc,
      [
        { header: 'Onderdeel', width: 300 },
        { header: 'Aantal', width: 60, align: 'right' },
        { header: 'Serienummer', width: 135 },
      ],
      x.parts.map((p) => [p.productName, String(p.quantity), p.serialNumber ?? '']),
      visit.brand.brandColor,
    );
  }
  if (x.issues.length) {
    doc.font('Helvetica-Bold').text('Gemelde problemen').font('Helvetica');
    for (const i of x.issues) doc.text(`${i.category}: ${i.note}`);
    doc.moveDown();
  }
  if (x.satisfaction) doc.text(`Tevredenheid van de klant: ${x.satisfaction} van 5`);
  const photos = x.photos.slice(0, MAX_PHOTOS).filter((p) => EMBEDDABLE.has(images.get(p.sha256)?.type ?? ''));
  if (photos.length) {
    doc.addPage().font('Helvetica-Bold').text('Foto’s').font('Helvetica');
    for (const p of photos) {
      if (doc.y > doc.page.height - 240) doc.addPage();
      doc.text(p.step);
      doc.image(images.get(p.sha256)!.bytes, { fit: [240, 180] });
      doc.moveDown();
    }
  }
  if (x.signature) {
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.moveDown().text(`Voor akkoord: ${x.signature.signerName}`);
    const image = images.get(x.signature.imageSha256);
    if (image && EMBEDDABLE.has(image.type)) doc.image(image.bytes, { fit: [240, 100] });
  }
  legalFooter(doc, visit.brand);
  doc.end();
  return done;
}
