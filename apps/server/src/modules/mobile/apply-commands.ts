import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { CommandAnswer, MobileCommand } from '@chargecars/contract';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvents, type OutboxEvent } from '../../platform/events/outbox.ts';
import { fieldVisitForCommand, fieldVisitsForCommands } from '../../read-models/field-visits.ts';
import { activeDevice } from './devices.ts';
import { fieldCases, mobileCommands, visitExecutions } from './mobile.schema.ts';
import { mobileErrors as e } from './mobile.errors.ts';
import { MOVES_STATUS, executeCommand } from './visit-command-rules.ts';

type Recorded = typeof mobileCommands.$inferInsert;

/**
 * A batch from one device, in the order sent, in one transaction: each command in a savepoint of its
 * own, so a refused command is undone alone and does not hold back the rest, and the batch costs one
 * commit (one flush to disk) instead of one per command. A command seen before is answered "duplicate"
 * with its first answer. An unexpected error undoes the whole batch; the phone sends it again.
 */
export async function applyCommands(
  db: Db,
  actor: Actor,
  batch: { deviceId: string; commands: MobileCommand[] },
  publicUrl: string,
): Promise<{ answers: CommandAnswer[] }> {
  await activeDevice(db, actor, batch.deviceId);
  const own = batch.commands.filter((c) => c.deviceId === batch.deviceId);
  return db.transaction(async (tx) => {
    const ids = [...new Set(own.map((c) => c.id))];
    if (ids.length) await lockCommandIds(tx, ids);
    const seen = new Map(
      (ids.length ? await tx.select().from(mobileCommands).where(inArray(mobileCommands.id, ids)) : []).map((r) => [
        r.id,
        { requestHash: r.requestHash, answer: r.answer as CommandAnswer },
      ]),
    );
    const visits = await fieldVisitsForCommands(
      tx,
      own.map((c) => c.visitId),
    );
    const withExecution = new Set<string>();
    const recorded: Recorded[] = [];
    const events: OutboxEvent[] = [];

    const answers: CommandAnswer[] = [];
    for (const command of batch.commands) {
      if (command.deviceId !== batch.deviceId) {
        answers.push(refusal(command, e.wrongDevice()));
        continue;
      }
      const hash = requestHash(command);
      const earlier = seen.get(command.id);
      if (earlier) {
        answers.push(
          earlier.requestHash === hash
            ? { ...earlier.answer, result: 'duplicate' }
            : refusal(command, e.commandIdReused()),
        );
        continue;
      }
      let answer: CommandAnswer;
      try {
        answer = await tx.transaction(async (savepoint) => {
          const visit = visits.get(command.visitId);
          // Another team's visit answers as if it did not exist, like every scoped read of the ops API.
          if (!visit || !actor.teamId || visit.teamId !== actor.teamId) throw e.visitNotFound();
          if (!withExecution.has(visit.id))
            await savepoint.insert(visitExecutions).values({ visitId: visit.id }).onConflictDoNothing();
          const outcome = await executeCommand(savepoint, actor, command, visit, publicUrl);
          if (outcome.changed)
            events.push({
              type: 'visit.executed',
              subjectType: 'visit',
              subjectId: visit.id,
              data: { visitId: visit.id, number: visit.number, teamId: actor.teamId, kind: command.payload.kind },
              audience: { teamId: actor.teamId, staffOnly: false },
            });
          return {
            id: command.id,
            result: outcome.result,
            code: outcome.result === 'conflict' ? 'conflict' : null,
            message: null,
            ...(outcome.winner !== undefined ? { winner: outcome.winner } : {}),
          };
        });
        withExecution.add(command.visitId);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        answer = refusal(command, err);
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
      // Arrival and outcome go through planning, which may have moved the visit on: read it again.
      if (MOVES_STATUS.has(command.payload.kind) && visits.has(command.visitId)) {
        const fresh = await fieldVisitForCommand(tx, command.visitId);
        if (fresh) visits.set(fresh.id, fresh);
      }
      seen.set(command.id, { requestHash: hash, answer });
      recorded.push(record(command, actor, hash, answer));
      answers.push(answer);
    }
    await emitEvents(tx, events);
    if (recorded.length) await tx.insert(mobileCommands).values(recorded);
    return { answers };
  });
}

/**
 * Two copies of one command sent at once (a retry racing its original) wait for each other here, until
 * the first batch commits. The locks are taken in one order, so batches sharing commands cannot deadlock.
 */
async function lockCommandIds(tx: Tx, ids: string[]) {
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  await tx.execute(
    sql`select pg_advisory_xact_lock(k) from (select hashtextextended(id, 0) k from unnest(array[${list}]::text[]) id order by k) ids`,
  );
}

function refusal(command: MobileCommand, err: AppError): CommandAnswer {
  return { id: command.id, result: 'rejected', code: err.code, message: err.message };
}

function record(command: MobileCommand, actor: Actor, requestHash: string, answer: CommandAnswer): Recorded {
  return {
    id: command.id,
    deviceId: command.deviceId,
    userId: actor.userId,
    visitId: command.visitId,
    kind: command.payload.kind,
    actedAt: new Date(command.actedAt),
    baseVersion: Number(command.baseVersion),
    requestHash,
    result: answer.result as 'applied' | 'conflict' | 'rejected',
    answer,
  };
}

function requestHash(c: MobileCommand): string {
  const { id, deviceId, visitId, actedAt, baseVersion, payload } = c;
  return createHash('sha256')
    .update(JSON.stringify([id, deviceId, visitId, new Date(actedAt).toISOString(), baseVersion, payload]))
    .digest('hex');
}
