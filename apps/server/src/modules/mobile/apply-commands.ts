import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CommandAnswer, MobileCommand } from '@chargecars/contract';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { fieldVisitForCommand, installationLocations } from '../../read-models/field-visits.ts';
import { completeVisit, startVisit } from '../planning/index.ts';
import { postStockMoves } from '../inventory/index.ts';
import { activeDevice } from './devices.ts';
import { CHECKLIST_TEMPLATES, answerProblem, missingCheckpoints, type VisitType } from './checklist-templates.ts';
import {
  fieldCases,
  mobileCommands,
  mobilePhotos,
  visitChecklistAnswers,
  visitExecutions,
  visitIssueReports,
  visitPartsUsed,
  visitPhotos,
} from './mobile.schema.ts';
import { mobileErrors as e } from './mobile.errors.ts';
import { storeInstallationReport } from './installation-report.ts';

type FieldVisit = NonNullable<Awaited<ReturnType<typeof fieldVisitForCommand>>>;
type Outcome = { result: 'applied' | 'conflict'; winner?: unknown; changed: boolean };
type Ctx = { tx: Tx; actor: Actor; command: MobileCommand; visit: FieldVisit; actedAt: Date; publicUrl: string };

const applied: Outcome = { result: 'applied', changed: true };
const unchanged = (winner: unknown): Outcome => ({ result: 'conflict', winner, changed: false });

/**
 * A batch from one device, each command in its own transaction, in the order sent: a refused command
 * does not hold back the rest, and a command seen before is answered "duplicate" with its first answer.
 */
export async function applyCommands(
  db: Db,
  actor: Actor,
  batch: { deviceId: string; commands: MobileCommand[] },
  publicUrl: string,
): Promise<{ answers: CommandAnswer[] }> {
  await activeDevice(db, actor, batch.deviceId);
  const answers: CommandAnswer[] = [];
  for (const command of batch.commands) answers.push(await applyCommand(db, actor, batch.deviceId, command, publicUrl));
  return { answers };
}

function requestHash(c: MobileCommand): string {
  const { id, deviceId, visitId, actedAt, baseVersion, payload } = c;
  return createHash('sha256')
    .update(JSON.stringify([id, deviceId, visitId, new Date(actedAt).toISOString(), baseVersion, payload]))
    .digest('hex');
}

async function applyCommand(
  db: Db,
  actor: Actor,
  deviceId: string,
  command: MobileCommand,
  publicUrl: string,
): Promise<CommandAnswer> {
  const refuse = (err: AppError): CommandAnswer => ({
    id: command.id,
    result: 'rejected',
    code: err.code,
    message: err.message,
  });
  if (command.deviceId !== deviceId) return refuse(e.wrongDevice());
  const hash = requestHash(command);
  return db.transaction(async (tx) => {
    // Two copies of one command sent at once (a retry racing its original) wait for each other here.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${command.id}, 0))`);
    const [earlier] = await tx.select().from(mobileCommands).where(eq(mobileCommands.id, command.id));
    if (earlier)
      return earlier.requestHash === hash
        ? ({ ...(earlier.answer as CommandAnswer), result: 'duplicate' } satisfies CommandAnswer)
        : refuse(e.commandIdReused());

    let answer: CommandAnswer;
    try {
      answer = await tx.transaction(async (inner) => {
        const outcome = await execute(inner, actor, command, publicUrl);
        return {
          id: command.id,
          result: outcome.result,
          code: outcome.result === 'conflict' ? 'conflict' : null,
          message: null,
          ...(outcome.winner !== undefined ? { winner: outcome.winner } : {}),
        };
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      answer = refuse(err);
      // The same serial on a second wall is refused, and shown to ops.
      if (err.code === 'serial_already_installed' && command.payload.kind === 'part')
        await tx.insert(fieldCases).values({
          visitId: command.visitId,
          kind: 'serial_twice',
          field: command.payload.serialNumber,
          winner: { message: err.message },
          loser: command.payload,
          commandId: command.id,
        });
    }
    await tx.insert(mobileCommands).values({
      id: command.id,
      deviceId,
      userId: actor.userId,
      visitId: command.visitId,
      kind: command.payload.kind,
      actedAt: new Date(command.actedAt),
      baseVersion: Number(command.baseVersion),
      requestHash: hash,
      result: answer.result as 'applied' | 'conflict' | 'rejected',
      answer,
    });
    return answer;
  });
}

async function execute(tx: Tx, actor: Actor, command: MobileCommand, publicUrl: string): Promise<Outcome> {
  const visit = await fieldVisitForCommand(tx, command.visitId);
  // Another team's visit answers as if it did not exist, like every scoped read of the ops API.
  if (!visit || !actor.teamId || visit.teamId !== actor.teamId) throw e.visitNotFound();
  const ctx: Ctx = { tx, actor, command, visit, actedAt: new Date(command.actedAt), publicUrl };
  await tx.insert(visitExecutions).values({ visitId: visit.id }).onConflictDoNothing();
  const outcome = await byKind(ctx);
  if (outcome.changed)
    await emitEvent(tx, {
      type: 'visit.executed',
      subjectType: 'visit',
      subjectId: visit.id,
      data: { visitId: visit.id, number: visit.number, teamId: actor.teamId, kind: command.payload.kind },
      audience: { teamId: actor.teamId, staffOnly: false },
    });
  return outcome;
}

function byKind(ctx: Ctx): Promise<Outcome> {
  const p = ctx.command.payload;
  switch (p.kind) {
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
    if (visit.type !== 'survey' && !row.signature) missing.push('Handtekening van de klant ontbreekt');
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
