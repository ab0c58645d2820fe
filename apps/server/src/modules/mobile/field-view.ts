import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { type Actor, isStaff } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { visitOwners } from '../../read-models/field-visits.ts';
import { visitResultHeader } from '../../read-models/field-ops.ts';
import { CHECKLIST_TEMPLATES, stepLabel } from './checklist-templates.ts';
import { fieldCases, mobilePhotos, visitIssueReports, visitPhotos } from './mobile.schema.ts';
import { installationReportOf } from './installation-report.ts';
import { visitExecutionsOf } from './visit-execution.ts';
import { photoBytes } from './photos.ts';

/** Staff see every visit; a technician their team's; a customer their own (the report only). */
async function visitFor(db: DbOrTx, actor: Actor, visitId: string) {
  const visit = await visitOwners(db, visitId);
  const allowed =
    visit &&
    (isStaff(actor) ||
      (actor.role === 'technician' && actor.teamId !== null && visit.teamId === actor.teamId) ||
      (actor.role === 'customer' && visit.customerId === actor.customerId));
  if (!allowed) throw notFound('Bezoek', 'Visit');
  return visit;
}

const caseRow = (c: typeof fieldCases.$inferSelect, visitNumber: string) => ({
  id: c.id,
  visitId: c.visitId,
  visitNumber,
  kind: c.kind,
  field: c.field,
  fieldLabel: c.field ? stepLabel(c.field) : null,
  winner: c.winner,
  loser: c.loser,
  createdAt: c.createdAt.toISOString(),
  resolvedAt: c.resolvedAt?.toISOString() ?? null,
  resolutionNote: c.resolutionNote,
});

/**
 * What the team recorded on a visit (checklist against its template, photos, parts, signature), the
 * cases it left and whether its report exists, with the visit's order and customer: the ops page of it.
 */
export async function visitExecutionView(db: DbOrTx, actor: Actor, visitId: string) {
  await visitFor(db, actor, visitId);
  if (actor.role === 'customer') throw notFound('Bezoek', 'Visit');
  const [header, executions, cases, report] = await Promise.all([
    visitResultHeader(db, visitId),
    visitExecutionsOf(db, [visitId]),
    db.select().from(fieldCases).where(eq(fieldCases.visitId, visitId)).orderBy(desc(fieldCases.createdAt)),
    installationReportOf(db, visitId),
  ]);
  if (!header) throw notFound('Bezoek', 'Visit');
  return {
    visitId,
    visit: header,
    checklist: CHECKLIST_TEMPLATES[header.type],
    execution: executions.get(visitId)!,
    cases: cases.map((c) => caseRow(c, header.number)),
    reportAvailable: report !== null,
  };
}

export async function installationReport(db: DbOrTx, actor: Actor, visitId: string) {
  await visitFor(db, actor, visitId);
  const pdf = await installationReportOf(db, visitId);
  if (!pdf) throw notFound('Installatierapport', 'Installation report');
  return pdf;
}

/** A photo for staff, its uploader, and the team of a visit it is on. */
export async function photoFor(db: DbOrTx, actor: Actor, sha256: string) {
  if (!isStaff(actor)) {
    const [own] = await db
      .select({ sha: mobilePhotos.sha256 })
      .from(mobilePhotos)
      .where(and(eq(mobilePhotos.sha256, sha256), eq(mobilePhotos.uploadedBy, actor.userId)));
    const onVisits = own
      ? []
      : await db
          .select({ visitId: visitPhotos.visitId })
          .from(visitPhotos)
          .where(eq(visitPhotos.sha256, sha256))
          .union(
            db
              .select({ visitId: visitIssueReports.visitId })
              .from(visitIssueReports)
              .where(eq(visitIssueReports.photoSha256, sha256)),
          );
    let allowed = Boolean(own);
    for (const v of onVisits) {
      if (allowed) break;
      const owner = await visitOwners(db, v.visitId);
      allowed = actor.role === 'technician' && owner?.teamId === actor.teamId && actor.teamId !== null;
    }
    if (!allowed) throw notFound('Foto', 'Photo');
  }
  return photoBytes(db, sha256);
}
