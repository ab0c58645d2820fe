import { and, eq, sql } from 'drizzle-orm';
import type { MobileCommand } from '@chargecars/contract';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { installationLocations, type FieldVisitOfCommand } from '../../read-models/field-visits.ts';
import { completeVisit, startVisit } from '../planning/index.ts';
import { postStockMoves } from '../inventory/index.ts';
import { CHECKLIST_TEMPLATES, answerProblem, missingCheckpoints, type VisitType } from './checklist-templates.ts';
import {
  fieldCases,
  mobilePhotos,
  visitChecklistAnswers,
  visitExecutions,
  visitIssueReports,
  visitPartsUsed,
  visitPhotos,
} from './mobile.schema.ts';
import { mobileErrors as e } from './mobile.errors.ts';
import { storeInstallationReport } from './installation-report.ts';

// The rules of docs/technician-app.md per kind of command, applied to one visit of the caller's team.

type FieldVisit = FieldVisitOfCommand;
export type Outcome = { result: 'applied' | 'conflict'; winner?: unknown; changed: boolean };
type Ctx = { tx: Tx; actor: Actor; command: MobileCommand; visit: FieldVisit; actedAt: Date; publicUrl: string };

const applied: Outcome = { result: 'applied', changed: true };
const unchanged = (winner: unknown): Outcome => ({ result: 'conflict', winner, changed: false });

/** The kinds that can move the visit's status (through planning), so a copy read before them is stale. */
export const MOVES_STATUS = new Set<MobileCommand['payload']['kind']>(['arrive', 'outcome']);

/**
 * One command on a visit of the caller's team whose execution row exists: applied or conflict, or a
 * typed refusal thrown (the caller rolls back what it did).
 */
export function executeCommand(
  tx: Tx,
  actor: Actor,
  command: MobileCommand,
  visit: FieldVisit,
  publicUrl: string,
): Promise<Outcome> {
  return byKind({ tx, actor, command, visit, actedAt: new Date(command.actedAt), publicUrl });
}

function byKind(ctx: Ctx): Promise<Outcome> {
  const p = ctx.command.payload;
  switch (p.kind) {
    case 'on_the_way':
      return onTheWay(ctx);
    case 'arrive':
      return arrive(ctx);
    case 'answer':
      return answer(ctx, p.field, p.value);
    case 'photo':
      return photo(ctx, p.sha256, p.step);
    case 'part':
      return partUsed(ctx, p);
    case 'issue':
      return issue(ctx, p);
    case 'signature':
      return signature(ctx, p);
    case 'satisfaction':
      return satisfaction(ctx, p.score);
    case 'outcome':
      return outcome(ctx, p.outcome, p.reason);
  }
}

/** A status the app cannot move on from: a case for ops when ops ended the visit while the team worked. */
async function statusClash(ctx: Ctx, loser: unknown): Promise<Outcome> {
  const winner = { status: ctx.visit.status };
  if (ctx.visit.status === 'cancelled' || ctx.visit.status === 'rescheduled' || ctx.visit.status === 'to_schedule')
    await ctx.tx.insert(fieldCases).values({
      visitId: ctx.visit.id,
      kind: 'status_conflict',
      field: 'status',
      winner,
      loser,
      commandId: ctx.command.id,
    });
  return unchanged(winner);
}

/**
 * The team sets out for a scheduled visit. The earliest tap counts (like the arrival); only the first one is a
 * change others hear of, so the customer is told once. Once the team arrived, or when ops ended the visit, it
 * is too late to set out.
 */
async function onTheWay(ctx: Ctx): Promise<Outcome> {
  const { tx, visit } = ctx;
  if (visit.status !== 'scheduled') return statusClash(ctx, { onTheWayAt: ctx.command.actedAt });
  const row = await executionRow(ctx);
  await tx
    .update(visitExecutions)
    .set({ onTheWayAt: sql`least(coalesce(${visitExecutions.onTheWayAt}, ${ctx.actedAt}), ${ctx.actedAt})` })
    .where(eq(visitExecutions.visitId, visit.id));
  return { result: 'applied', changed: !row.onTheWayAt };
}

async function arrive(ctx: Ctx): Promise<Outcome> {
  const { tx, visit } = ctx;
  if (visit.status === 'scheduled') await startVisit(tx, ctx.actor, visit.id);
  else if (visit.status !== 'in_progress') return statusClash(ctx, { arrivedAt: ctx.command.actedAt });
  // The earliest arrival counts when two phones of the team both say so.
  await tx
    .update(visitExecutions)
    .set({ arrivedAt: sql`least(coalesce(${visitExecutions.arrivedAt}, ${ctx.actedAt}), ${ctx.actedAt})` })
    .where(eq(visitExecutions.visitId, visit.id));
  return applied;
}

/** Later action wins; equal times: the larger command id, so every order of arrival ends the same. */
const newer = (a: { actedAt: Date; id: string }, b: { actedAt: Date; id: string }) =>
  a.actedAt.getTime() !== b.actedAt.getTime() ? a.actedAt > b.actedAt : a.id > b.id;

async function answer(ctx: Ctx, field: string, value: boolean | number | string): Promise<Outcome> {
  const { tx, visit, command } = ctx;
  const item = CHECKLIST_TEMPLATES[visit.type as VisitType].find((i) => i.key === field);
  if (!item) throw e.unknownCheckpoint(field);
  const problem = answerProblem(item, value);
  if (problem) throw e.answerInvalid(item.label, problem);
  const [current] = await tx
    .select()
    .from(visitChecklistAnswers)
    .where(and(eq(visitChecklistAnswers.visitId, visit.id), eq(visitChecklistAnswers.field, field)))
    .for('update');
  const mine = { value, actedAt: command.actedAt, commandId: command.id, deviceId: command.deviceId };
  if (!current) {
    await tx.insert(visitChecklistAnswers).values({ visitId: visit.id, field, ...mine, actedAt: ctx.actedAt });
    return applied;
  }
  const theirs = {
    value: current.value,
    actedAt: current.actedAt.toISOString(),
    commandId: current.commandId,
    deviceId: current.deviceId,
  };
  const wins = newer({ actedAt: ctx.actedAt, id: command.id }, { actedAt: current.actedAt, id: current.commandId });
  // Two phones disagreeing is worth a look; one technician correcting their own answer is not.
  const clash = current.value !== value && (!wins || current.deviceId !== command.deviceId);
  if (clash)
    await tx.insert(fieldCases).values({
      visitId: visit.id,
      kind: 'checklist_conflict',
      field,
      winner: wins ? mine : theirs,
      loser: wins ? theirs : mine,
      commandId: command.id,
    });
  if (!wins) return unchanged({ value: current.value, actedAt: theirs.actedAt });
  await tx
    .update(visitChecklistAnswers)
    .set({ value, actedAt: ctx.actedAt, commandId: command.id, deviceId: command.deviceId })
    .where(and(eq(visitChecklistAnswers.visitId, visit.id), eq(visitChecklistAnswers.field, field)));
  return applied;
}

async function uploaded(tx: Tx, sha256: string) {
  const [row] = await tx.select({ sha: mobilePhotos.sha256 }).from(mobilePhotos).where(eq(mobilePhotos.sha256, sha256));
  if (!row) throw e.photoNotUploaded();
}

async function photo(ctx: Ctx, sha256: string, step: string): Promise<Outcome> {
  await uploaded(ctx.tx, sha256);
  await ctx.tx
    .insert(visitPhotos)
    .values({ commandId: ctx.command.id, visitId: ctx.visit.id, sha256, step, actedAt: ctx.actedAt });
  return applied;
}

/** Parts used are a ledger: each one moves stock from the team's van to the customer's wall, with its serial. */
async function partUsed(
  ctx: Ctx,
  p: { productId: string; quantity: number; serialNumber: string | null },
): Promise<Outcome> {
  const { tx, visit, command, actor } = ctx;
  const places = await installationLocations(tx, actor.teamId!);
  if (!places.vanId || !places.customerId) throw e.noVan();
  const posting = await postStockMoves(tx, actor, {
    idempotencyKey: `mobile:${command.id}`,
    documentType: 'installation',
    documentRef: visit.number,
    visitId: visit.id,
    moves: [
      {
        productId: p.productId,
        quantity: p.quantity,
        serialNumber: p.serialNumber,
        fromLocationId: places.vanId,
        toLocationId: places.customerId,
      },
    ],
  });
  await tx.insert(visitPartsUsed).values({
    commandId: command.id,
    visitId: visit.id,
    productId: p.productId,
    quantity: p.quantity,
    serialNumber: p.serialNumber,
    postingId: posting.postingId,
    actedAt: ctx.actedAt,
  });
  return applied;
}

async function issue(ctx: Ctx, p: { category: string; note: string; photoSha256: string | null }): Promise<Outcome> {
  if (p.photoSha256) await uploaded(ctx.tx, p.photoSha256);
  await ctx.tx.insert(visitIssueReports).values({
    commandId: ctx.command.id,
    visitId: ctx.visit.id,
    category: p.category,
    note: p.note,
    photoSha256: p.photoSha256,
    actedAt: ctx.actedAt,
  });
  return applied;
}

async function executionRow(ctx: Ctx) {
  const [row] = await ctx.tx
    .select()
    .from(visitExecutions)
    .where(eq(visitExecutions.visitId, ctx.visit.id))
    .for('update');
  return row!;
}

async function signature(
  ctx: Ctx,
  p: { signerName: string; imageSha256: string; strokes: [number, number, number][][] },
): Promise<Outcome> {
  await uploaded(ctx.tx, p.imageSha256);
  const row = await executionRow(ctx);
  const current = row.signature;
  if (
    current &&
    !newer({ actedAt: ctx.actedAt, id: ctx.command.id }, { actedAt: new Date(current.actedAt), id: current.commandId })
  )
    return unchanged({ signerName: current.signerName, imageSha256: current.imageSha256, actedAt: current.actedAt });
  await ctx.tx
    .update(visitExecutions)
    .set({ signature: { ...p, actedAt: ctx.actedAt.toISOString(), commandId: ctx.command.id } })
    .where(eq(visitExecutions.visitId, ctx.visit.id));
  return applied;
}

async function satisfaction(ctx: Ctx, score: number): Promise<Outcome> {
  const row = await executionRow(ctx);
  if (row.satisfactionActedAt && row.satisfactionActedAt >= ctx.actedAt)
    return unchanged({ score: row.satisfaction, actedAt: row.satisfactionActedAt.toISOString() });
  await ctx.tx
    .update(visitExecutions)
    .set({ satisfaction: score, satisfactionActedAt: ctx.actedAt })
    .where(eq(visitExecutions.visitId, ctx.visit.id));
  return applied;
}

/**
 * The visit's end. Completed needs every mandatory checkpoint (and, where a charger or meter went in, the
 * customer's signature); it completes the visit through planning (the order moves on) and makes the
 * installation report. Partial, rescheduled and cancelled leave the visit to ops to plan again, as a case.
 * An outcome the visit's status no longer allows (ops cancelled it meanwhile) is a case, never a silent loss.
 */
async function outcome(
  ctx: Ctx,
  chosen: 'completed' | 'partial' | 'rescheduled' | 'cancelled',
  reason: string | null,
): Promise<Outcome> {
  const { tx, visit, actor } = ctx;
  const row = await executionRow(ctx);
  const loser = { outcome: chosen, reason, actedAt: ctx.command.actedAt };
  if (row.outcome) {
    if (row.outcome !== chosen)
      await tx.insert(fieldCases).values({
        visitId: visit.id,
        kind: 'status_conflict',
        field: 'outcome',
        winner: { outcome: row.outcome, reason: row.outcomeReason },
        loser,
        commandId: ctx.command.id,
      });
    return unchanged({ outcome: row.outcome, status: visit.status });
  }
  if (visit.status !== 'scheduled' && visit.status !== 'in_progress') return statusClash(ctx, loser);
  if (chosen === 'completed') {
    const answers = await tx
      .select({ field: visitChecklistAnswers.field, value: visitChecklistAnswers.value })
      .from(visitChecklistAnswers)
      .where(eq(visitChecklistAnswers.visitId, visit.id));
    const photos = await tx
      .select({ step: visitPhotos.step })
      .from(visitPhotos)
      .where(eq(visitPhotos.visitId, visit.id));
    const missing = missingCheckpoints(
      visit.type as VisitType,
      new Map(answers.map((a) => [a.field, a.value])),
      new Set(photos.map((p) => p.step)),
    );
    if (visit.type !== 'survey' && !row.signature)
      missing.push({ nl: 'Handtekening van de klant ontbreekt', en: "The customer's signature is missing" });
    if (missing.length) throw e.checkpointsMissing(missing);
    await completeVisit(tx, actor, visit.id);
  } else
    await tx.insert(fieldCases).values({
      visitId: visit.id,
      kind: 'outcome_follow_up',
      field: 'outcome',
      winner: loser,
      loser: {},
      commandId: ctx.command.id,
    });
  await tx
    .update(visitExecutions)
    .set({ outcome: chosen, outcomeReason: reason, outcomeActedAt: ctx.actedAt })
    .where(eq(visitExecutions.visitId, visit.id));
  if (chosen === 'completed') await storeInstallationReport(tx, visit, ctx.publicUrl);
  return applied;
}
