import type { z } from 'zod';
import type { LeadIntakeAnswers, LeadListQuery, PartnerLeadQuery, RoutingRule } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { attachLeadCustomer } from '../crm/index.ts';
import { createLeadContext } from './score-context.ts';
import { createLeadIntake, type ReceiveInput } from './receive-lead.ts';
import type { IdempotencyClaim } from '../../platform/http/idempotency.ts';
import type { ModuleWorkers } from '../../platform/events/subscribers.ts';
import { pokableLoop } from '../../platform/pokable-loop.ts';
import type { AddressValidator } from './enrich-lead.ts';
import { getLeadDetail, getPartnerLead } from './get-lead.ts';
import { listLeads } from '../../read-models/lead-inbox.ts';
import { listPartnerLeads } from './list-partner-leads.ts';
import { qualifyLead, rejectLead } from './change-lead-status.ts';
import { assignLead } from './assign-lead.ts';
import { getIntake, submitIntake } from './intake-questionnaire.ts';
import { runLeadFollowUps } from './run-follow-ups.ts';
import { listRoutingRules, replaceRoutingRules } from './routing-rules.ts';
import { presentPartnerLead } from './present-lead.ts';

export { leadsRoutes } from './leads.routes.ts';
export { partnerLeadApiRoutes } from './partner-api.routes.ts';
export { toE164 } from './normalise-lead.ts';
export { convertLead } from './change-lead-status.ts';
export type { AddressValidator, VerifiedAddress } from './enrich-lead.ts';

export type LeadsDeps = {
  db: Db;
  driver: 'pglite' | 'postgres';
  addressValidator: AddressValidator | null;
  publicUrl: string;
  slaHours: number;
  reminderDays: number;
};

/** How often the pipeline looks for received leads nobody poked it about (another instance, a crash). */
const PIPELINE_INTERVAL_MS = 1_000;

export function createLeadsService(deps: LeadsDeps) {
  const context = createLeadContext(deps.db);
  const pipeline = pokableLoop('lead-pipeline', PIPELINE_INTERVAL_MS, () => intake.processNext());
  const intake = createLeadIntake({ ...deps, context, attachCustomer: attachLeadCustomer }, () => pipeline.poke());
  const followUps = (now?: Date) =>
    runLeadFollowUps(deps.db, { reminderDays: deps.reminderDays, publicUrl: deps.publicUrl }, now);
  return {
    /** Stores the lead and answers at once; the pipeline follows in the background (Partner API). */
    accept: (actor: Actor, input: ReceiveInput, claim: IdempotencyClaim | null) => intake.accept(actor, input, claim),
    /** Stores and processes the lead before answering (ops entry, web form: a person waits for the outcome). */
    receive: (actor: Actor, input: ReceiveInput) => intake.receive(actor, input),
    /** Processes every received lead now; the loop does it in the background, tests call this. */
    processReceived: () => intake.processAll(),
    workers: (): ModuleWorkers => ({
      subscribers: [],
      schedules: [
        {
          queue: 'leads.follow-ups',
          cron: '*/15 * * * *',
          run: async () => {
            await followUps();
          },
        },
      ],
      loops: [pipeline],
    }),
    presentForPartner: presentPartnerLead,
    getForPartner: (actor: Actor, id: string) => getPartnerLead(deps.db, actor, id),
    listForPartner: (actor: Actor, q: z.infer<typeof PartnerLeadQuery>) => listPartnerLeads(deps.db, actor, q),
    list: (actor: Actor, q: z.infer<typeof LeadListQuery>) => listLeads(deps.db, actor, q),
    detail: (actor: Actor, id: string, language: 'nl' | 'en') => getLeadDetail(deps.db, actor, id, language),
    qualify: (actor: Actor, id: string) => qualifyLead(deps.db, actor, id),
    reject: (actor: Actor, id: string, reason: string) => rejectLead(deps.db, actor, id, reason),
    assign: (actor: Actor, id: string, input: { userId?: string | null | undefined; entityId?: string | undefined }) =>
      assignLead(deps.db, context, actor, id, input),
    intake: (token: string) => getIntake(deps.db, token),
    submitIntake: (token: string, answers: z.infer<typeof LeadIntakeAnswers>) => submitIntake(deps.db, token, answers),
    runFollowUps: followUps,
    routingRules: () => listRoutingRules(deps.db),
    replaceRoutingRules: (actor: Actor, rules: z.infer<typeof RoutingRule>[]) =>
      replaceRoutingRules(deps.db, context, actor, rules),
  };
}
export type LeadsService = ReturnType<typeof createLeadsService>;
