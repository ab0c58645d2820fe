import type { DbOrTx } from '../../platform/db/client.ts';
import { leadTimeline } from './leads.schema.ts';

export type TimelineStep = { step: string; summary: string; data?: Record<string, unknown> };

/** Appends steps to a lead's timeline, in the caller's transaction. */
export async function recordSteps(
  tx: DbOrTx,
  leadId: string,
  actorName: string,
  steps: TimelineStep[],
  at = new Date(),
): Promise<void> {
  if (!steps.length) return;
  await tx.insert(leadTimeline).values(
    steps.map((s, i) => ({
      leadId,
      step: s.step,
      summary: s.summary,
      data: s.data ?? null,
      actorName,
      at: new Date(at.getTime() + i),
    })),
  );
}
