import type { DbOrTx } from '../../platform/db/client.ts';
import type { Bilingual } from '../../platform/errors.ts';
import { leadTimeline } from './leads.schema.ts';

/** A step as the platform words it: in Dutch and in English, for whichever its reader chose. */
export type TimelineStep = { step: string; summary: Bilingual; data?: Record<string, unknown> };

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
      summary: s.summary.nl,
      summaryEn: s.summary.en,
      data: s.data ?? null,
      actorName,
      at: new Date(at.getTime() + i),
    })),
  );
}
