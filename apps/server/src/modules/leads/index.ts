import type { z } from 'zod';
import type { LeadIntakeAnswers, LeadListQuery, NewLead, PartnerLeadQuery, RoutingRule } from '@chargecars/contract';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { attachLeadCustomer } from '../crm/index.ts';
import { createLeadContext } from './score-context.ts';
import { receiveLead } from './receive-lead.ts';
import type { AddressValidator } from './enrich-lead.ts';
import { getLeadDetail, getPartnerLead } from './get-lead.ts';
import { listLeads, listPartnerLeads } from './list-leads.ts';
import { qualifyLead, rejectLead } from './change-lead-status.ts';
import { assignLead } from './assign-lead.ts';
import { getIntake, submitIntake } from './intake-questionnaire.ts';
import { runLeadFollowUps } from './run-follow-ups.ts';
import { listRoutingRules, replaceRoutingRules } from './routing-rules.ts';
import { presentPartnerLead } from './present-lead.ts';
import type { leads } from './leads.schema.ts';

export { leadsRoutes } from './leads.routes.ts';
export { partnerLeadApiRoutes } from './partner-api.routes.ts';
export { toE164 } from './normalise-lead.ts';
export type { AddressValidator, VerifiedAddress } from './enrich-lead.ts';

export type LeadsDeps = { db: Db; addressValidator: AddressValidator | null; publicUrl: string; slaHours: number; reminderDays: number };
type LeadRow = typeof leads.$inferSelect;

export function createLeadsService(deps: LeadsDeps) {
  const context = createLeadContext(deps.db);
  const receiveDeps = { ...deps, context, attachCustomer: attachLeadCustomer };
  return {
    receive: (actor: Actor, input: { lead: NewLead; source: 'api' | 'web' | 'ops'; partnerId: string | null }, within?: (tx: Tx, lead: LeadRow) => Promise<void>) =>
      receiveLead(receiveDeps, actor, input, within),
    presentForPartner: presentPartnerLead,
    getForPartner: (actor: Actor, id: string) => getPartnerLead(deps.db, actor, id),
    listForPartner: (actor: Actor, q: z.infer<typeof PartnerLeadQuery>) => listPartnerLeads(deps.db, actor, q),
    list: (actor: Actor, q: z.infer<typeof LeadListQuery>) => listLeads(deps.db, actor, q),
    detail: (actor: Actor, id: string) => getLeadDetail(deps.db, actor, id),
    qualify: (actor: Actor, id: string) => qualifyLead(deps.db, actor, id),
    reject: (actor: Actor, id: string, reason: string) => rejectLead(deps.db, actor, id, reason),
    assign: (actor: Actor, id: string, input: { userId?: string | null | undefined; entityId?: string | undefined }) => assignLead(deps.db, context, actor, id, input),
    intake: (token: string) => getIntake(deps.db, token),
    submitIntake: (token: string, answers: z.infer<typeof LeadIntakeAnswers>) => submitIntake(deps.db, token, answers),
    runFollowUps: (now?: Date) => runLeadFollowUps(deps.db, { reminderDays: deps.reminderDays, publicUrl: deps.publicUrl }, now),
    routingRules: () => listRoutingRules(deps.db),
    replaceRoutingRules: (actor: Actor, rules: z.infer<typeof RoutingRule>[]) => replaceRoutingRules(deps.db, context, actor, rules),
  };
}
export type LeadsService = ReturnType<typeof createLeadsService>;
