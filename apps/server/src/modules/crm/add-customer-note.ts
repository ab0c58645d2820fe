import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { notFound } from '../../platform/errors.ts';
import { customerExists } from './customer-exists.ts';
import { notes } from './crm.schema.ts';

/** Adds a note to a customer: the note, its audit record and its event commit together. */
export async function addCustomerNote(db: Db, actor: Actor, input: { customerId: string; body: string }) {
  if (!(await customerExists(db, input.customerId))) throw notFound('Klant');
  return db.transaction(async (tx) => {
    const [note] = await tx
      .insert(notes)
      .values({
        subjectType: 'customer',
        subjectId: input.customerId,
        body: input.body,
        authorUserId: actor.userId,
        authorName: actor.name,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'customer.note_added',
      subjectType: 'customer',
      subjectId: input.customerId,
      after: { noteId: note!.id, body: input.body },
    });
    await emitEvent(tx, {
      type: 'customer.note_added',
      subjectType: 'customer',
      subjectId: input.customerId,
      data: { noteId: note!.id },
      audience: { staffOnly: true },
    });
    return { id: note!.id, body: note!.body, authorName: note!.authorName, createdAt: note!.createdAt.toISOString() };
  });
}
