import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { sentence, type Sentence } from '../../platform/sentences/sentences.ts';
import { leads, type LeadStatus } from './leads.schema.ts';
import { recordSteps } from './lead-timeline.ts';

type LeadRow = typeof leads.$inferSelect;
export type StatusChange = {
  to: 'qualified' | 'rejected' | 'converted';
  from: readonly LeadStatus[];
  step: string;
  sentence: Sentence;
  set: Partial<LeadRow>;
};

/**
 * Moves a lead to qualified, rejected or converted: guarded by its current status (a lead is decided once),
 * with timeline, audit and the partner-visible event in one transaction.
 */
export async function changeLeadStatus(
  tx: DbOrTx,
  actor: Actor,
  leadId: string,
  change: StatusChange,
  now = new Date(),
) {
  const [before] = await tx.select().from(leads).where(eq(leads.id, leadId));
  if (!before) throw notFound('Lead');
  const [row] = await tx
    .update(leads)
    .set({ ...change.set, status: change.to, updatedAt: now, slaDueAt: null })
    .where(and(eq(leads.id, leadId), inArray(leads.status, [...change.from])))
    .returning();
  if (!row)
    throw new AppError(409, 'lead_status', `Lead ${before.number} is ${before.status} en kan niet naar ${change.to}`);
  await recordSteps(tx, leadId, actor.name, [{ step: change.step, sentence: change.sentence }], now);
  await recordAudit(tx, actor, {
    action: `lead.${change.to}`,
    subjectType: 'lead',
    subjectId: leadId,
    before: { status: before.status },
    after: { status: row.status, ...change.set },
  });
  await emitEvent(tx, {
    type: `lead.${change.to}`,
    subjectType: 'lead',
    subjectId: leadId,
    data: {
      leadId,
      number: row.number,
      partnerReference: row.partnerReference,
      status: row.status,
      score: row.score,
      rejectedReason: row.rejectedReason,
    },
    audience: { partnerId: row.partnerId },
  });
  return row;
}

export const OPEN_STATUSES: readonly LeadStatus[] = ['received', 'enriched', 'awaiting_intake'];

/** A lead the pipeline has not processed yet has no customer or score to quote from: it cannot be qualified yet. */
const QUALIFIABLE: readonly LeadStatus[] = OPEN_STATUSES.filter((s) => s !== 'received');

export const qualifyLead = (db: Db, actor: Actor, leadId: string, now = new Date()) =>
  db.transaction((tx) =>
    changeLeadStatus(
      tx,
      actor,
      leadId,
      {
        to: 'qualified',
        from: QUALIFIABLE,
        step: 'qualified',
        sentence: sentence('lead.qualified_by', { name: actor.name }),
        set: { qualifiedAt: now },
      },
      now,
    ),
  );

export const rejectLead = (db: Db, actor: Actor, leadId: string, reason: string, now = new Date()) =>
  db.transaction((tx) =>
    changeLeadStatus(
      tx,
      actor,
      leadId,
      {
        to: 'rejected',
        from: [...OPEN_STATUSES, 'qualified'],
        step: 'rejected',
        sentence: sentence('lead.rejected_by', { name: actor.name, reason }),
        set: { rejectedReason: reason, rejectedAt: now },
      },
      now,
    ),
  );

/** Every status before a decision: a lead still open or qualified may become an order. */
const CONVERTIBLE: readonly LeadStatus[] = [...OPEN_STATUSES, 'qualified'];

/**
 * The lead's quote is signed by all: the lead is converted, in the signing transaction (so "open leads"
 * stops counting it). A lead already converted (an earlier quote) or rejected stays as it is.
 */
export async function convertLead(tx: DbOrTx, actor: Actor, leadId: string, quoteNumber: string, now = new Date()) {
  const [lead] = await tx.select({ status: leads.status }).from(leads).where(eq(leads.id, leadId)).for('update');
  if (!lead || !CONVERTIBLE.includes(lead.status)) return null;
  return changeLeadStatus(
    tx,
    actor,
    leadId,
    {
      to: 'converted',
      from: CONVERTIBLE,
      step: 'converted',
      sentence: sentence('lead.converted', { quote: quoteNumber }),
      set: {},
    },
    now,
  );
}
