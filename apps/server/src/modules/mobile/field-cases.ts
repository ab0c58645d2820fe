import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { openFieldCaseRows } from '../../read-models/field-ops.ts';
import { stepLabel } from './checklist-templates.ts';
import { fieldCases } from './mobile.schema.ts';
import { mobileErrors as e } from './mobile.errors.ts';

type CaseFilter = { kind?: (typeof fieldCases.kind.enumValues)[number] | undefined; teamId?: string | undefined };

/** Open cases, newest first, for ops to work through: of one kind, of one team's visits, or all. */
export async function openFieldCases(db: DbOrTx, filter: CaseFilter = {}) {
  const rows = await openFieldCaseRows(db, filter);
  return rows.map((r) => ({
    ...r,
    fieldLabel: r.field ? stepLabel(r.field) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * Ops close a case with what they decided (planned again, serial corrected, answer accepted): it leaves
 * the open list, stays on the visit with its note, and the audit log says who closed it. A case closed
 * already is refused, so two people working the list cannot overwrite each other's note.
 */
export async function resolveFieldCase(db: DbOrTx, actor: Actor, caseId: string, note: string) {
  return db.transaction(async (tx) => {
    const [resolved] = await tx
      .update(fieldCases)
      .set({ resolvedAt: new Date(), resolvedBy: actor.userId, resolutionNote: note })
      .where(and(eq(fieldCases.id, caseId), isNull(fieldCases.resolvedAt)))
      .returning({
        id: fieldCases.id,
        visitId: fieldCases.visitId,
        kind: fieldCases.kind,
        resolvedAt: fieldCases.resolvedAt,
      });
    if (!resolved) {
      const [known] = await tx.select({ id: fieldCases.id }).from(fieldCases).where(eq(fieldCases.id, caseId));
      throw known ? e.caseResolved() : notFound('Veldmelding', 'Field case');
    }
    await recordAudit(tx, actor, {
      action: 'field_case.resolved',
      subjectType: 'field_case',
      subjectId: caseId,
      before: { resolved: false },
      after: { resolved: true, note, visitId: resolved.visitId, kind: resolved.kind },
    });
    return { id: caseId, resolvedAt: resolved.resolvedAt!.toISOString() };
  });
}
