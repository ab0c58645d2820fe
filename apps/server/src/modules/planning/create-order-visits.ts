import { and, desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { AppError, BilingualError, notFound } from '../../platform/errors.ts';
import { orderLineCategories } from '../../read-models/order-facts.ts';
import { customerAddressId } from '../crm/index.ts';
import { orderVisitPlan } from '../orders/index.ts';
import { visits, type TECHNICIAN_SKILLS } from './planning.schema.ts';

type VisitType = (typeof visits.$inferSelect)['type'];
type Skill = (typeof TECHNICIAN_SKILLS)[number];
export type VisitRequest = { type: VisitType; durationMinutes: number };

/**
 * What a visit asks of its team, from its type and the order's lines: a survey needs a surveyor; an
 * installation a charger installer, who also configures the charger (OCPP) when one is installed; a
 * meter-cabinet visit someone who may work on a three-phase meter cabinet.
 */
export function requiredSkills(type: VisitType, categories: readonly string[]): Skill[] {
  if (type === 'survey') return ['survey'];
  if (type === 'meter_replacement') return ['three_phase_meter_cabinet'];
  return categories.includes('charging_station')
    ? ['charger_installation', 'ocpp_configuration']
    : ['charger_installation'];
}

/** BZ-2026-000001: per year, taken under a transaction-scoped advisory lock like order numbers. */
export async function nextVisitNumbers(tx: Tx, count: number) {
  const year = new Date().getUTCFullYear();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('visit-number'))`);
  const [last] = await tx
    .select({ number: visits.number })
    .from(visits)
    .where(and(gte(visits.number, `BZ-${year}-`), lt(visits.number, `BZ-${year + 1}-`)))
    .orderBy(desc(visits.number))
    .limit(1);
  const from = Number(last?.number.slice(8) ?? 0) + 1;
  return Array.from({ length: count }, (_, i) => `BZ-${year}-${String(from + i).padStart(6, '0')}`);
}

/**
 * Makes an order's visits, unplanned, in the caller's transaction: the ones asked for (the signed quote's
 * proposal, or `requested` for an order without one), with the skills the lines need; a second visit
 * follows the first on a later day. Returns [] when the order already has visits or no address to go to
 * (a visit needs one; ops add the address and then the visit).
 */
export async function createOrderVisits(tx: Tx, actor: Actor, orderId: string, requested?: VisitRequest[]) {
  const order = await orderVisitPlan(tx, orderId);
  if (!order) throw notFound('Order');
  const [existing] = await tx
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.orderId, orderId), ne(visits.status, 'cancelled')))
    .limit(1);
  if (existing) return [];
  const wanted = order.requirements.length ? order.requirements : (requested ?? []);
  const addressId = order.installationAddressId ?? (await customerAddressId(tx, order.customerId));
  if (!wanted.length || !addressId) return [];
  const categories = await orderLineCategories(tx, orderId);
  const numbers = await nextVisitNumbers(tx, wanted.length);
  const made: (typeof visits.$inferSelect)[] = [];
  for (const [i, want] of wanted.entries()) {
    const [visit] = await tx
      .insert(visits)
      .values({
        number: numbers[i]!,
        orderId,
        entityId: order.entityId,
        customerId: order.customerId,
        addressId,
        type: want.type,
        status: 'to_schedule',
        durationMinutes: want.durationMinutes,
        requiredSkills: requiredSkills(want.type, categories),
        afterVisitId: made.at(-1)?.id ?? null,
      })
      .returning();
    made.push(visit!);
  }
  for (const visit of made) {
    await recordAudit(tx, actor, {
      action: 'visit.created',
      subjectType: 'visit',
      subjectId: visit.id,
      after: {
        orderId,
        type: visit.type,
        durationMinutes: visit.durationMinutes,
        requiredSkills: visit.requiredSkills,
        afterVisitId: visit.afterVisitId,
      },
    });
    await emitEvent(tx, {
      type: 'visit.created',
      subjectType: 'visit',
      subjectId: visit.id,
      data: {
        visitId: visit.id,
        number: visit.number,
        orderId,
        orderNumber: order.number,
        type: visit.type,
        durationMinutes: visit.durationMinutes,
      },
      audience: { partnerId: order.partnerId, customerId: order.customerId, teamId: null },
    });
  }
  return made.map((v) => ({
    id: v.id,
    number: v.number,
    type: v.type,
    status: v.status,
    durationMinutes: v.durationMinutes,
    requiredSkills: v.requiredSkills,
    afterVisitId: v.afterVisitId,
  }));
}

/** Ops add the visits to an order made before orders got them (or whose customer had no address then). */
export async function addOrderVisits(db: Db, actor: Actor, orderId: string, requested: VisitRequest | undefined) {
  return db.transaction(async (tx) => {
    const order = await orderVisitPlan(tx, orderId);
    if (!order) throw notFound('Order');
    if (order.stage === 'cancelled' || order.stage === 'closed')
      throw new BilingualError(409, 'order_not_open', {
        nl: 'Aan een geannuleerde of gesloten order worden geen bezoeken toegevoegd',
        en: 'A cancelled or closed order gets no new visits',
      });
    if (!order.requirements.length && !requested)
      throw new AppError(422, 'validation', 'Geef het soort bezoek en de duur op', [
        { field: 'body.type', message: 'deze order heeft geen voorgesteld bezoek; kies er een' },
      ]);
    const made = await createOrderVisits(tx, actor, orderId, requested ? [requested] : undefined);
    if (!made.length) {
      const [existing] = await tx
        .select({ id: visits.id })
        .from(visits)
        .where(and(eq(visits.orderId, orderId), ne(visits.status, 'cancelled')))
        .limit(1);
      throw existing
        ? new BilingualError(409, 'order_has_visits', {
            nl: 'Deze order heeft al bezoeken',
            en: 'This order already has visits',
          })
        : new BilingualError(422, 'order_without_address', {
            nl: 'De klant heeft geen adres; voeg eerst een installatieadres toe',
            en: 'The customer has no address; add an installation address first',
          });
    }
    return made;
  });
}
