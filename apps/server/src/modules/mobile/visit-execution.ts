import { asc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { VisitExecution } from '@chargecars/contract';
import type { DbOrTx } from '../../platform/db/client.ts';
import { productNames } from '../../read-models/field-visits.ts';
import {
  visitChecklistAnswers,
  visitExecutions,
  visitIssueReports,
  visitPartsUsed,
  visitPhotos,
} from './mobile.schema.ts';

export type Execution = z.infer<typeof VisitExecution>;

const empty = (): Execution => ({
  onTheWayAt: null,
  arrivedAt: null,
  answers: {},
  photos: [],
  parts: [],
  issues: [],
  signature: null,
  satisfaction: null,
  outcome: null,
  outcomeReason: null,
});

/** What the team recorded on each of these visits, as the app and ops see it (five queries for any number). */
export async function visitExecutionsOf(db: DbOrTx, visitIds: string[]): Promise<Map<string, Execution>> {
  const result = new Map(visitIds.map((id) => [id, empty()]));
  if (!visitIds.length) return result;
  const [heads, answers, photos, parts, issues] = await Promise.all([
    db.select().from(visitExecutions).where(inArray(visitExecutions.visitId, visitIds)),
    db.select().from(visitChecklistAnswers).where(inArray(visitChecklistAnswers.visitId, visitIds)),
    db
      .select()
      .from(visitPhotos)
      .where(inArray(visitPhotos.visitId, visitIds))
      .orderBy(asc(visitPhotos.actedAt), asc(visitPhotos.commandId)),
    db
      .select()
      .from(visitPartsUsed)
      .where(inArray(visitPartsUsed.visitId, visitIds))
      .orderBy(asc(visitPartsUsed.actedAt), asc(visitPartsUsed.commandId)),
    db
      .select()
      .from(visitIssueReports)
      .where(inArray(visitIssueReports.visitId, visitIds))
      .orderBy(asc(visitIssueReports.actedAt), asc(visitIssueReports.commandId)),
  ]);
  const names = await productNames(
    db,
    parts.map((p) => p.productId),
  );
  for (const h of heads) {
    const x = result.get(h.visitId)!;
    x.onTheWayAt = h.onTheWayAt?.toISOString() ?? null;
    x.arrivedAt = h.arrivedAt?.toISOString() ?? null;
    x.signature = h.signature
      ? { signerName: h.signature.signerName, imageSha256: h.signature.imageSha256, actedAt: h.signature.actedAt }
      : null;
    x.satisfaction = h.satisfaction;
    x.outcome = h.outcome;
    x.outcomeReason = h.outcomeReason;
  }
  for (const a of answers)
    result.get(a.visitId)!.answers[a.field] = { value: a.value, actedAt: a.actedAt.toISOString() };
  for (const p of photos) result.get(p.visitId)!.photos.push({ sha256: p.sha256, step: p.step });
  for (const p of parts)
    result.get(p.visitId)!.parts.push({
      commandId: p.commandId,
      productId: p.productId,
      productName: names.get(p.productId)?.name ?? '',
      productNameEn: names.get(p.productId)?.nameEn ?? null,
      quantity: p.quantity,
      serialNumber: p.serialNumber,
    });
  for (const i of issues)
    result
      .get(i.visitId)!
      .issues.push({ commandId: i.commandId, category: i.category, note: i.note, photoSha256: i.photoSha256 });
  return result;
}
