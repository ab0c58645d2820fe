import { asc, eq } from 'drizzle-orm';
import type { NewLead } from '@chargecars/contract';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { IdempotencyClaim } from '../../platform/http/idempotency.ts';
import { createGroupCommit } from '../../platform/group-commit.ts';
import { leads } from './leads.schema.ts';
import { normaliseLead } from './normalise-lead.ts';
import { acceptLeads, type AcceptedLead, type LeadSource } from './accept-lead.ts';
import { processReceivedLeads, type PipelineDeps } from './process-received-leads.ts';
import { parkFailedLead } from './park-failed-lead.ts';

type LeadRow = typeof leads.$inferSelect;
export type ReceiveInput = { lead: NewLead; source: LeadSource; partnerId: string | null };

/**
 * Leads per pipeline transaction. While partners are sending, batches stay small so an intake request
 * never waits long behind one (PGlite runs one transaction at a time, on the main thread); when intake
 * is quiet, bigger batches catch up faster.
 */
const BATCH_WHILE_BUSY = 4;
const BATCH_WHEN_QUIET = 25;
/** Intake counts as busy for this long after a lead was accepted. */
const BUSY_MS = 200;
/**
 * While intake is busy the pipeline takes at most this share of the time: after a batch it rests nine
 * times as long as the batch took. At 300 leads/s intake itself needs most of the embedded database's
 * one thread; a quarter for the pipeline left too little headroom and the answers queued (p99 0.65-2 s).
 * It never stops altogether, so a steady stream cannot starve it; a burst builds a backlog that it
 * clears as soon as the burst is over.
 */
const BUSY_SHARE = 0.1;

/**
 * The lead intake for every source (API, web form, ops). `accept` checks and normalises the lead,
 * stores it as received through a group commit and answers at once; the pipeline then processes it
 * in the background (`processNext`, run by the lead-pipeline loop). `receive` does both for a person
 * at a screen, who wants to see the outcome.
 */
export function createLeadIntake(deps: PipelineDeps, onAccepted: () => void) {
  const commit = createGroupCommit((items: AcceptedLead[]) => acceptLeads(deps, items));
  let lastAcceptedAt = 0;
  let restUntil = 0;

  async function accept(actor: Actor, input: ReceiveInput, claim: IdempotencyClaim | null = null): Promise<LeadRow> {
    const lead = normaliseLead(input.lead);
    const partner = input.partnerId ? await deps.context.partner(input.partnerId) : null;
    if (input.partnerId && !partner) throw notFound('Partner');
    const row = await commit.submit({ actor, lead, source: input.source, partner, claim });
    lastAcceptedAt = Date.now();
    onAccepted();
    return row;
  }

  /**
   * One pipeline batch. When a batch fails, its leads are tried one by one, so one lead that cannot
   * be processed is parked for ops (park-failed-lead.ts) instead of holding up every lead behind it.
   */
  async function processBatch(limit: number): Promise<number> {
    try {
      return (await processReceivedLeads(deps, { limit })).length;
    } catch (batchError) {
      const waiting = await deps.db
        .select({ id: leads.id })
        .from(leads)
        .where(eq(leads.status, 'received'))
        .orderBy(asc(leads.receivedAt))
        .limit(limit);
      let processed = 0;
      for (const { id } of waiting) {
        try {
          processed += (await processReceivedLeads(deps, { limit: 1, ids: [id] })).length;
        } catch (error) {
          await parkFailedLead(deps.db, id, error);
          processed++;
        }
      }
      if (!waiting.length) throw batchError;
      return processed;
    }
  }

  return {
    accept,
    async receive(actor: Actor, input: ReceiveInput): Promise<LeadRow> {
      const received = await accept(actor, input);
      const [processed] = await processReceivedLeads(deps, { limit: 1, ids: [received.id] });
      if (processed) return processed;
      // The background loop took it first; its transaction has committed by now (see stillWaiting).
      const [row] = await deps.db.select().from(leads).where(eq(leads.id, received.id));
      return row!;
    },
    /** One pipeline batch of the oldest received leads; answers whether a full batch was processed (more may wait). */
    async processNext(): Promise<boolean> {
      const wait = restUntil - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const busy = Date.now() - lastAcceptedAt < BUSY_MS;
      const limit = busy ? BATCH_WHILE_BUSY : BATCH_WHEN_QUIET;
      const started = Date.now();
      const processed = await processBatch(limit);
      restUntil = busy ? Date.now() + (Date.now() - started) * (1 / BUSY_SHARE - 1) : 0;
      return processed === limit;
    },
    /** Processes everything waiting now, at full speed, and answers how many (tests). */
    async processAll(): Promise<number> {
      let total = 0;
      for (;;) {
        const n = await processBatch(BATCH_WHEN_QUIET);
        if (n === 0) return total;
        total += n;
      }
    },
  };
}
