import type { DbOrTx } from './db/client.ts';
import { auditLog } from './events/events.schema.ts';
import type { Actor } from './http/actor.ts';

export type AuditEntry = { action: string; subjectType: string; subjectId: string; before?: unknown; after?: unknown };

/** Writes who did what, when, before and after. Call it inside the mutation's transaction. */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, [{ actor, entry }]);
}

/** Several entries of one batch in one insert. */
export async function recordAudits(tx: DbOrTx, entries: { actor: Actor; entry: AuditEntry }[]): Promise<void> {
  if (!entries.length) return;
  await tx.insert(auditLog).values(
    entries.map(({ actor, entry }) => ({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: actor.requestId ?? null,
    })),
  );
}
