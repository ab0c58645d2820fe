import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { stockProducts } from '../../read-models/stock-products.ts';
import { stockLocations } from './inventory.schema.ts';
import { vanRequestLines, vanRequests } from './transfers.schema.ts';
import { inventoryErrors as e } from './inventory.errors.ts';

export type VanRequestInput = {
  idempotencyKey: string;
  teamId?: string | undefined;
  note?: string | null | undefined;
  lines: { productId: string; quantity: number }[];
};

const refused = (status: number, code: string, nl: string, en: string, field?: string) =>
  new AppError(status, code, nl, field ? [{ field, message: nl }] : undefined, {
    message: en,
    ...(field ? { errors: { [field]: en } } : {}),
  });

/**
 * A team asks for products on its van: a technician for their own team (whatever team the body names),
 * ops for the team they name. Numbered AANV-<year>-000001; the same key again answers with that request.
 */
export async function requestVanReplenishment(tx: Tx, actor: Actor, input: VanRequestInput) {
  const teamId = actor.role === 'technician' ? actor.teamId : (input.teamId ?? null);
  if (!teamId) throw refused(422, 'team_required', 'Voor welk team?', 'For which team?', 'teamId');
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('van-request-number'))`);
  const [earlier] = await tx
    .select({ id: vanRequests.id, number: vanRequests.number, teamId: vanRequests.teamId })
    .from(vanRequests)
    .where(eq(vanRequests.idempotencyKey, input.idempotencyKey));
  if (earlier) {
    if (earlier.teamId !== teamId) throw e.idempotencyKeyReused();
    return { id: earlier.id, number: earlier.number, replayed: true };
  }
  const [van] = await tx
    .select({ id: stockLocations.id })
    .from(stockLocations)
    .where(and(eq(stockLocations.kind, 'van'), eq(stockLocations.teamId, teamId), eq(stockLocations.active, true)))
    .orderBy(stockLocations.code)
    .limit(1);
  if (!van) throw refused(422, 'team_without_van', 'Dit team heeft geen bus', 'This team has no van', 'teamId');
  const products = await stockProducts(
    tx,
    input.lines.map((l) => l.productId),
  );
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    if (!products.has(l.productId)) throw e.unknownProduct(`lines.${i}.productId`);
    if (seen.has(l.productId))
      throw refused(422, 'product_twice', 'Elk product één keer', 'Each product once', `lines.${i}.productId`);
    seen.add(l.productId);
  });
  const prefix = `AANV-${new Date().getUTCFullYear()}-`;
  const [last] = await tx
    .select({ number: vanRequests.number })
    .from(vanRequests)
    .where(like(vanRequests.number, `${prefix}%`))
    .orderBy(desc(vanRequests.number))
    .limit(1);
  const number = `${prefix}${String(last ? Number(last.number.slice(prefix.length)) + 1 : 1).padStart(6, '0')}`;
  const [request] = await tx
    .insert(vanRequests)
    .values({
      number,
      idempotencyKey: input.idempotencyKey,
      teamId,
      vanLocationId: van.id,
      note: input.note?.trim() || null,
      requestedBy: actor.userId,
      requestedByName: actor.name,
    })
    .returning({ id: vanRequests.id });
  await tx.insert(vanRequestLines).values(input.lines.map((l) => ({ requestId: request!.id, ...l })));
  await recordAudit(tx, actor, {
    action: 'stock.van_request',
    subjectType: 'van_request',
    subjectId: request!.id,
    after: { number, teamId, lines: input.lines.length },
  });
  return { id: request!.id, number, replayed: false };
}

/** The open request a transfer is about to fulfil, locked; it must go to the request's van. */
export async function lockOpenVanRequest(tx: Tx, id: string, toLocationId: string) {
  const [request] = await tx.select().from(vanRequests).where(eq(vanRequests.id, id)).for('update');
  if (!request) throw notFound('Aanvulverzoek', 'Replenishment request');
  if (request.status !== 'open') throw decided(request.number);
  if (request.vanLocationId !== toLocationId)
    throw refused(
      422,
      'not_to_requested_van',
      `Verzoek ${request.number} is voor een andere bus`,
      `Request ${request.number} is for another van`,
      'toLocationId',
    );
  return request;
}

/** Marks the request fulfilled by the transfer (in the transfer's transaction, after `lockOpenVanRequest`). */
export async function fulfilVanRequest(tx: Tx, actor: Actor, id: string, transferId: string) {
  await tx
    .update(vanRequests)
    .set({ status: 'fulfilled', transferId, decidedBy: actor.userId, decidedAt: new Date() })
    .where(eq(vanRequests.id, id));
}

/** The warehouse declines an open request, with the reason the team reads. Declining it again changes nothing. */
export async function declineVanRequest(tx: Tx, actor: Actor, id: string, reason: string) {
  const [request] = await tx.select().from(vanRequests).where(eq(vanRequests.id, id)).for('update');
  if (!request) throw notFound('Aanvulverzoek', 'Replenishment request');
  if (request.status === 'declined' && request.declineReason === reason.trim()) return { status: request.status };
  if (request.status !== 'open') throw decided(request.number);
  await tx
    .update(vanRequests)
    .set({ status: 'declined', declineReason: reason.trim(), decidedBy: actor.userId, decidedAt: new Date() })
    .where(eq(vanRequests.id, id));
  await recordAudit(tx, actor, {
    action: 'stock.van_request.decline',
    subjectType: 'van_request',
    subjectId: id,
    after: { reason: reason.trim() },
  });
  return { status: 'declined' as const };
}

const decided = (number: string) =>
  refused(409, 'van_request_decided', `Verzoek ${number} is al afgehandeld`, `Request ${number} has been dealt with`);
