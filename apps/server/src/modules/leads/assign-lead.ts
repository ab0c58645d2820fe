import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { leads } from './leads.schema.ts';
import { recordSteps } from './lead-timeline.ts';
import type { LeadContext } from './score-context.ts';
import { isLeadHandler } from '../../read-models/staff-member.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

/** Ops hand a lead to a colleague and/or move it to another entity. */
export async function assignLead(
  db: Db,
  context: LeadContext,
  actor: Actor,
  leadId: string,
  input: { userId?: string | null | undefined; entityId?: string | undefined },
) {
  if (input.entityId && !(await context.entities()).has(input.entityId))
    throw invalid([{ field: 'body.entityId', message: 'onbekende entiteit' }]);
  // Not a customer, partner or technician, and no one who does not exist (the column has no foreign key).
  if (input.userId && !(await isLeadHandler(db, input.userId)))
    throw invalid([{ field: 'body.userId', message: 'geen medewerker die leads behandelt' }]);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(leads).where(eq(leads.id, leadId));
    if (!before) throw notFound('Lead');
    // The pipeline routes a received lead itself and would overwrite the choice a moment later.
    if (input.entityId && before.status === 'received')
      throw new AppError(
        409,
        'lead_in_pipeline',
        `Lead ${before.number} wordt nog verwerkt; kies de entiteit zodra hij verwerkt is`,
      );
    const set = {
      ...(input.userId !== undefined ? { assignedUserId: input.userId } : {}),
      ...(input.entityId ? { entityId: input.entityId } : {}),
      updatedAt: new Date(),
    };
    const [row] = await tx.update(leads).set(set).where(eq(leads.id, leadId)).returning();
    await recordSteps(tx, leadId, actor.name, [
      {
        step: 'assigned',
        sentence: sentence('lead.assigned', {
          entity: input.entityId ?? null,
          person: input.userId === undefined ? null : input.userId ? 'colleague' : 'no_one',
        }),
        data: { ...input },
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'lead.assigned',
      subjectType: 'lead',
      subjectId: leadId,
      before: { entityId: before.entityId, assignedUserId: before.assignedUserId },
      after: { entityId: row!.entityId, assignedUserId: row!.assignedUserId },
    });
    await emitEvent(tx, {
      type: 'lead.assigned',
      subjectType: 'lead',
      subjectId: leadId,
      data: { leadId, entityId: row!.entityId },
      audience: { staffOnly: true },
    });
    return row!;
  });
}
