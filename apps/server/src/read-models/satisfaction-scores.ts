import { and, asc, avg, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { customers } from '../modules/crm/crm.schema.ts';
import { businessEntities } from '../modules/entities/entities.schema.ts';
import { visitExecutions } from '../modules/mobile/mobile.schema.ts';
import { satisfactionSurveys } from '../modules/notifications/notifications.schema.ts';
import { orders } from '../modules/orders/orders.schema.ts';
import { teams, visits } from '../modules/planning/planning.schema.ts';

/** A survey as the customer opens it from their link (by the token's hash), with the visit and brand it is about. */
export async function surveyByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      visitId: satisfactionSurveys.visitId,
      visitNumber: visits.number,
      visitType: visits.type,
      date: visits.scheduledDate,
      brandName: businessEntities.name,
      customerName: customers.name,
      score: satisfactionSurveys.score,
      remark: satisfactionSurveys.remark,
    })
    .from(satisfactionSurveys)
    .innerJoin(visits, eq(visits.id, satisfactionSurveys.visitId))
    .innerJoin(businessEntities, eq(businessEntities.id, visits.entityId))
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .where(eq(satisfactionSurveys.tokenHash, tokenHash));
  return row ?? null;
}

const average = (value: string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/**
 * The surveys asked, newest first, with the score and remark of those answered and the technician's on-site
 * score; and over all answers (of the team asked for, if any) the count and average, overall and per team.
 */
export async function satisfactionOverview(
  db: DbOrTx,
  opts: { page: number; pageSize: number; teamId?: string | undefined; answered?: boolean | undefined },
) {
  const where: SQL | undefined = and(
    opts.teamId ? eq(visits.teamId, opts.teamId) : undefined,
    opts.answered === undefined
      ? undefined
      : opts.answered
        ? isNotNull(satisfactionSurveys.answeredAt)
        : sql`${satisfactionSurveys.answeredAt} is null`,
  );
  const teamWhere = opts.teamId ? eq(visits.teamId, opts.teamId) : undefined;
  const [items, [totals], byTeam] = await Promise.all([
    db
      .select({
        visitId: visits.id,
        visitNumber: visits.number,
        orderId: orders.id,
        orderNumber: orders.number,
        customerId: customers.id,
        customerName: customers.name,
        teamId: teams.id,
        teamName: teams.name,
        date: visits.scheduledDate,
        askedAt: satisfactionSurveys.askedAt,
        answeredAt: satisfactionSurveys.answeredAt,
        score: satisfactionSurveys.score,
        remark: satisfactionSurveys.remark,
        // The app's record, else the score older visits kept in their result.
        onSiteScore: sql<
          number | null
        >`coalesce(${visitExecutions.satisfaction}, (${visits.result}->>'satisfaction')::int)`,
      })
      .from(satisfactionSurveys)
      .innerJoin(visits, eq(visits.id, satisfactionSurveys.visitId))
      .innerJoin(orders, eq(orders.id, visits.orderId))
      .innerJoin(customers, eq(customers.id, visits.customerId))
      .leftJoin(teams, eq(teams.id, visits.teamId))
      .leftJoin(visitExecutions, eq(visitExecutions.visitId, visits.id))
      .where(where)
      .orderBy(desc(satisfactionSurveys.askedAt), desc(visits.number))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db
      .select({
        shown: sql<number>`count(*) filter (where ${where ?? sql`true`})::int`,
        asked: count(),
        answered: count(satisfactionSurveys.score),
        average: avg(satisfactionSurveys.score),
      })
      .from(satisfactionSurveys)
      .innerJoin(visits, eq(visits.id, satisfactionSurveys.visitId))
      .where(teamWhere),
    db
      .select({
        teamId: teams.id,
        teamName: teams.name,
        answered: count(satisfactionSurveys.score),
        average: avg(satisfactionSurveys.score),
      })
      .from(satisfactionSurveys)
      .innerJoin(visits, eq(visits.id, satisfactionSurveys.visitId))
      .innerJoin(teams, eq(teams.id, visits.teamId))
      .where(and(teamWhere, isNotNull(satisfactionSurveys.score)))
      .groupBy(teams.id, teams.name)
      .orderBy(asc(teams.name)),
  ]);
  return {
    items: items.map((i) => ({
      ...i,
      askedAt: i.askedAt.toISOString(),
      answeredAt: i.answeredAt?.toISOString() ?? null,
    })),
    total: totals?.shown ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
    asked: totals?.asked ?? 0,
    answered: totals?.answered ?? 0,
    average: average(totals?.average ?? null),
    teams: byTeam.map((t) => ({ ...t, average: average(t.average) })),
  };
}
