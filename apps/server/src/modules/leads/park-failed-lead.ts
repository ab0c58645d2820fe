import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { leads } from './leads.schema.ts';
import { recordSteps } from './lead-timeline.ts';
import { PIPELINE_ACTOR } from './process-received-leads.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

/**
 * A lead the pipeline cannot process (it failed again when tried alone) goes to a person instead of
 * blocking the leads behind it: it waits for ops, escalated at once, with the error on its timeline.
 * The lead and everything the partner sent stay as they were received.
 */
export async function parkFailedLead(db: Db, leadId: string, error: unknown): Promise<void> {
  const message = reasonOf(error);
  const now = new Date();
  await db.transaction(async (tx) => {
    const [lead] = await tx
      .update(leads)
      .set({ status: 'awaiting_intake', escalatedAt: now, updatedAt: now })
      .where(and(eq(leads.id, leadId), eq(leads.status, 'received')))
      .returning();
    if (!lead) return;
    await recordSteps(
      tx,
      lead.id,
      PIPELINE_ACTOR.name,
      [
        {
          step: 'pipeline_failed',
          sentence: sentence('lead.processing_failed', { error: message.slice(0, 200) }),
          data: { error: message.slice(0, 500) },
        },
      ],
      now,
    );
    await recordAudit(tx, PIPELINE_ACTOR, {
      action: 'lead.pipeline_failed',
      subjectType: 'lead',
      subjectId: lead.id,
      after: { error: message.slice(0, 500) },
    });
    await emitEvent(tx, {
      type: 'lead.sla_breached',
      subjectType: 'lead',
      subjectId: lead.id,
      data: {
        leadId: lead.id,
        number: lead.number,
        reason: 'pipeline_failed',
        slaDueAt: lead.slaDueAt?.toISOString() ?? null,
      },
      audience: { staffOnly: true },
    });
  });
}

/** The database's own words when a query failed: the query wrapper's message repeats the SQL and its values. */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
