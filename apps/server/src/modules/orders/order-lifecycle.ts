import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { BilingualError, type Bilingual } from '../../platform/errors.ts';
import { orderFacts, type OrderFacts } from '../../read-models/order-facts.ts';
import { orderEvents, orderMilestones, orders, type MILESTONES, type ORDER_STAGES } from './orders.schema.ts';
import { storedReason, type Sentence } from '../../platform/sentences/sentences.ts';

export type Stage = (typeof ORDER_STAGES)[number];
type Order = typeof orders.$inferSelect;

/**
 * The order's lifecycle, one rule per stage in one place. A stage with a rule is reached when its rule
 * holds, by the fact that makes it hold (in that fact's transaction) or by hand; by hand it is refused
 * while the rule does not hold. The facts:
 *
 * - quote signed: the order is made with its visits (`create-order-from-quote.ts`, planning's `createOrderVisits`);
 * - a visit planned: scheduled; a technician starts a visit: in progress; the last visit done: completed
 *   (planning, `schedule-visit.ts`, `start-visit.ts`, `complete-visit.ts`);
 * - every line invoiced: invoiced; every invoice paid: closed (billing).
 *
 * Materials has no rule (ops say when the materials are in); on hold and cancelled are by hand with a reason.
 */
export const LIFECYCLE: Partial<
  Record<Stage, { holds: (f: OrderFacts) => boolean; refusal: (f: OrderFacts) => Bilingual }>
> = {
  scheduled: {
    holds: (f) => f.planned > 0,
    refusal: () => ({
      nl: 'De order heeft nog geen ingepland bezoek; plan eerst een bezoek in',
      en: 'The order has no planned visit yet; plan a visit first',
    }),
  },
  in_progress: {
    holds: (f) => f.started > 0,
    refusal: () => ({
      nl: 'Geen bezoek van deze order is begonnen; de monteur start het bezoek',
      en: 'No visit of this order has started; the technician starts the visit',
    }),
  },
  completed: {
    holds: (f) => f.visits > 0 && f.done === f.visits,
    refusal: (f) =>
      f.visits === 0
        ? {
            nl: 'De order heeft geen bezoeken; er is niets uitgevoerd',
            en: 'The order has no visits; nothing was done',
          }
        : {
            nl: `${f.visits - f.done} van de ${f.visits} bezoeken zijn nog niet uitgevoerd`,
            en: `${f.visits - f.done} of the ${f.visits} visits are not done yet`,
          },
  },
  invoiced: {
    holds: (f) => f.lines > 0 && f.uninvoicedLines === 0,
    refusal: (f) => ({
      nl: `${f.uninvoicedLines} orderregel(s) zijn nog niet gefactureerd`,
      en: `${f.uninvoicedLines} order line(s) are not invoiced yet`,
    }),
  },
  closed: {
    holds: (f) => f.invoices > 0 && f.unpaidInvoices === 0 && f.uninvoicedLines === 0,
    refusal: (f) =>
      f.invoices === 0 || f.uninvoicedLines > 0
        ? { nl: 'De order is nog niet volledig gefactureerd', en: 'The order is not fully invoiced yet' }
        : {
            nl: `${f.unpaidInvoices} factuur/facturen van deze order zijn nog niet betaald`,
            en: `${f.unpaidInvoices} invoice(s) of this order are not paid yet`,
          },
  },
};

/** The forward path: the facts move an order only along it, never back, never out of on hold or cancelled. */
const PATH: readonly Stage[] = ['new', 'materials', 'scheduled', 'in_progress', 'completed', 'invoiced', 'closed'];

export const PROGRESS: Record<Stage, number> = {
  new: 5,
  materials: 20,
  scheduled: 35,
  in_progress: 60,
  completed: 85,
  invoiced: 95,
  closed: 100,
  on_hold: 0,
  cancelled: 0,
};
const MILESTONE_OF: Partial<Record<Stage, (typeof MILESTONES)[number]>> = {
  materials: 'materials_ready',
  scheduled: 'visit_scheduled',
  completed: 'installation_done',
  invoiced: 'invoiced',
  closed: 'paid',
};

/** Refuses a stage whose rule does not hold now (422, in the caller's language); nothing is changed. */
export async function assertStageReachable(tx: Tx, orderId: string, stage: Stage) {
  const rule = LIFECYCLE[stage];
  if (!rule) return;
  const facts = await orderFacts(tx, orderId);
  if (!rule.holds(facts)) throw new BilingualError(422, 'stage_precondition', rule.refusal(facts));
}

/**
 * Moves the order to `to`: stage, progress, the milestones of every stage it passes, a timeline entry,
 * audit and the events (`order.completed` too, for partners who subscribe to completion alone).
 */
export async function moveOrder(tx: Tx, actor: Actor, order: Order, to: Stage, given: string | Sentence | null) {
  // A reason a person typed is kept as typed; one the platform gives is a sentence, worded when read.
  const reason = typeof given === 'string' ? given : null;
  const worded = typeof given === 'string' ? null : given;
  const pausing = to === 'on_hold' || to === 'cancelled';
  const progress = pausing ? order.progress : Math.max(order.progress, PROGRESS[to]);
  const now = new Date();
  await tx
    .update(orders)
    .set({
      stage: to,
      stageReason: pausing ? reason : null,
      progress,
      updatedAt: now,
      ...(to === 'completed' ? { completedAt: now } : {}),
    })
    .where(eq(orders.id, order.id));
  const from = PATH.indexOf(order.stage);
  const passed = pausing ? [] : PATH.slice(from < 0 ? PATH.indexOf(to) : from + 1, PATH.indexOf(to) + 1);
  // Materials is a milestone ops set by hand; passing it on the way to planning does not make it true, but
  // work that is done had its materials.
  const milestones = passed
    .filter((s) => s !== 'materials' || to === 'materials')
    .flatMap((s) => MILESTONE_OF[s] ?? []);
  if (!pausing && PATH.indexOf(to) >= PATH.indexOf('completed')) milestones.push('materials_ready');
  if (milestones.length)
    await tx
      .update(orderMilestones)
      .set({ reachedAt: now })
      .where(
        and(
          eq(orderMilestones.orderId, order.id),
          inArray(orderMilestones.code, milestones),
          isNull(orderMilestones.reachedAt),
        ),
      );
  await tx.insert(orderEvents).values({
    orderId: order.id,
    kind: 'stage_changed',
    fromStage: order.stage,
    toStage: to,
    reason,
    ...storedReason(worded),
    actorName: actor.name,
  });
  await recordAudit(tx, actor, {
    action: 'order.stage_changed',
    subjectType: 'order',
    subjectId: order.id,
    before: { stage: order.stage },
    after: { stage: to, reason: given },
  });
  const audience = { partnerId: order.partnerId, customerId: order.customerId };
  await emitEvent(tx, {
    type: 'order.stage_changed',
    subjectType: 'order',
    subjectId: order.id,
    data: { number: order.number, from: order.stage, to },
    audience,
  });
  if (to === 'completed')
    await emitEvent(tx, {
      type: 'order.completed',
      subjectType: 'order',
      subjectId: order.id,
      data: { number: order.number },
      audience,
    });
  return { id: order.id, stage: to, progress };
}

/**
 * What a fact does to its order, in the fact's transaction: the order goes as far along the path as the
 * rules now allow (a visit planned, started or done; lines invoiced; invoices paid). An order on hold,
 * cancelled or closed stays where it is; a stage already passed is not reached again.
 *
 * @example await advanceOrder(tx, actor, visit.orderId, sentence('order.visit_done', { visit: visit.number }))
 */
export async function advanceOrder(tx: Tx, actor: Actor, orderId: string, reason: Sentence) {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  const at = order ? PATH.indexOf(order.stage) : -1;
  if (!order || at < 0) return null;
  const facts = await orderFacts(tx, orderId);
  let target: Stage | null = null;
  for (const stage of PATH.slice(at + 1)) {
    const rule = LIFECYCLE[stage];
    if (!rule) continue;
    if (!rule.holds(facts)) break;
    target = stage;
  }
  return target ? moveOrder(tx, actor, order, target, reason) : null;
}
