import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { LeadListQuery } from '@chargecars/contract';
import type { Db } from '../platform/db/client.ts';
import type { Actor } from '../platform/http/actor.ts';
import { partners } from '../modules/partners/partners.schema.ts';
import { leads } from '../modules/leads/leads.schema.ts';
import { leadScope } from '../modules/leads/lead-scope.ts';

const OPEN = ['received', 'enriched', 'awaiting_intake'] as const;

export const leadListColumns = {
  id: leads.id,
  number: leads.number,
  status: leads.status,
  name: leads.name,
  email: leads.email,
  postcode: leads.postcode,
  city: leads.city,
  entityId: leads.entityId,
  regionCode: leads.regionCode,
  partnerId: leads.partnerId,
  partnerName: partners.name,
  source: leads.source,
  score: leads.score,
  isRepeat: leads.isRepeat,
  receivedAt: leads.receivedAt,
  slaDueAt: leads.slaDueAt,
};

export function presentListItem(r: { receivedAt: Date; slaDueAt: Date | null; status: string }, now = new Date()) {
  return {
    receivedAt: r.receivedAt.toISOString(),
    slaDueAt: r.slaDueAt?.toISOString() ?? null,
    overdue: !!r.slaDueAt && r.slaDueAt < now && (OPEN as readonly string[]).includes(r.status),
  };
}

/** The lead inbox: filters by status, entity, region, partner, score and SLA; partners see their own. */
export async function listLeads(db: Db, actor: Actor, q: z.infer<typeof LeadListQuery>, now = new Date()) {
  const where: (SQL | undefined)[] = [leadScope(actor)];
  if (q.status) where.push(eq(leads.status, q.status));
  if (q.entity) where.push(eq(leads.entityId, q.entity));
  if (q.region) where.push(eq(leads.regionCode, q.region));
  if (q.partnerId) where.push(eq(leads.partnerId, q.partnerId));
  if (q.minScore !== undefined) where.push(gte(leads.score, q.minScore));
  if (q.overdue === 'true') where.push(and(inArray(leads.status, [...OPEN]), lt(leads.slaDueAt, now)));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(
      or(ilike(leads.number, like), ilike(leads.name, like), ilike(leads.email, like), ilike(leads.postcode, like)),
    );
  }
  const condition = and(...where.filter(Boolean));
  const [rows, [count]] = await Promise.all([
    db
      .select(leadListColumns)
      .from(leads)
      .leftJoin(partners, eq(partners.id, leads.partnerId))
      .where(condition)
      .orderBy(desc(leads.receivedAt), desc(leads.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(leads).where(condition),
  ]);
  return {
    items: rows.map((r) => ({ ...r, ...presentListItem(r, now) })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
