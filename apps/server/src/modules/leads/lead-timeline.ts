import type { DbOrTx } from '../../platform/db/client.ts';
import type { Sentence } from '../../platform/sentences/sentences.ts';
import { leadTimeline } from './leads.schema.ts';

/** A step as the platform words it: a sentence worded when read, in whichever language its reader chose. */
export type TimelineStep = { step: string; sentence: Sentence; data?: Record<string, unknown> };

/** The row of one step, stored as its sentence's code and parameters. */
export const timelineRow = (leadId: string, actorName: string, s: TimelineStep, at: Date) => ({
  leadId,
  step: s.step,
  code: s.sentence.code,
  params: s.sentence.params,
  data: s.data ?? null,
  actorName,
  at,
});

/** Appends steps to a lead's timeline, in the caller's transaction. */
export async function recordSteps(
  tx: DbOrTx,
  leadId: string,
  actorName: string,
  steps: TimelineStep[],
  at = new Date(),
): Promise<void> {
  if (!steps.length) return;
  await tx
    .insert(leadTimeline)
    .values(steps.map((s, i) => timelineRow(leadId, actorName, s, new Date(at.getTime() + i))));
}
