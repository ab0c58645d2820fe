import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { SYSTEM_ACTOR } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { leadIntakes, leads } from './leads.schema.ts';
import { recordSteps } from './lead-timeline.ts';
import { resendIntake } from './send-intake.ts';
import { OPEN_STATUSES } from './change-lead-status.ts';
import { sentence } from '../../platform/sentences/sentences.ts';

export const MAX_REMINDERS = 2;
const BATCH = 200;
const PIPELINE = { ...SYSTEM_ACTOR, name: 'Opvolging' };

/**
 * Step 7, run by a scheduled job: reminds customers whose intake is still open after N days (at most
 * twice, N days apart), and escalates to ops every open lead past its SLA, once.
 */
export async function runLeadFollowUps(db: Db, opts: { reminderDays: number; publicUrl: string }, now = new Date()) {
  const dueBefore = new Date(now.getTime() - opts.reminderDays * 86_400_000);
  const toRemind = await db
    .select({ lead: leads })
    .from(leadIntakes)
    .innerJoin(leads, eq(leads.id, leadIntakes.leadId))
    .where(
      and(
        isNull(leadIntakes.completedAt),
        lt(leadIntakes.remindersSent, MAX_REMINDERS),
        inArray(leads.status, [...OPEN_STATUSES]),
        or(
          and(isNull(leadIntakes.lastReminderAt), lt(leadIntakes.sentAt, dueBefore)),
          lt(leadIntakes.lastReminderAt, dueBefore),
        ),
      ),
    )
    .limit(BATCH);
  for (const { lead } of toRemind) {
    await db.transaction(async (tx) => {
      await resendIntake(tx, lead, opts.publicUrl, now);
      await recordSteps(
        tx,
        lead.id,
        PIPELINE.name,
        [{ step: 'intake_reminder', sentence: sentence('lead.intake_reminder', { email: lead.email }) }],
        now,
      );
      await recordAudit(tx, PIPELINE, { action: 'lead.intake_reminded', subjectType: 'lead', subjectId: lead.id });
    });
  }
  const overdue = await db
    .select()
    .from(leads)
    .where(and(inArray(leads.status, [...OPEN_STATUSES]), isNull(leads.escalatedAt), lt(leads.slaDueAt, now)))
    .limit(BATCH);
  for (const lead of overdue) {
    await db.transaction(async (tx) => {
      const done = await tx
        .update(leads)
        .set({ escalatedAt: now })
        .where(and(eq(leads.id, lead.id), isNull(leads.escalatedAt)))
        .returning({ id: leads.id });
      if (!done.length) return;
      await recordSteps(
        tx,
        lead.id,
        PIPELINE.name,
        [{ step: 'escalated', sentence: sentence('lead.escalated', {}) }],
        now,
      );
      await recordAudit(tx, PIPELINE, { action: 'lead.escalated', subjectType: 'lead', subjectId: lead.id });
      await emitEvent(tx, {
        type: 'lead.sla_breached',
        subjectType: 'lead',
        subjectId: lead.id,
        data: {
          leadId: lead.id,
          number: lead.number,
          reason: 'sla_expired',
          slaDueAt: lead.slaDueAt?.toISOString() ?? null,
        },
        audience: { staffOnly: true },
      });
    });
  }
  return { reminded: toRemind.length, escalated: overdue.length };
}
