import { and, desc, eq, gte } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerLeadQuery } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { leads } from './leads.schema.ts';
import { leadScope } from './lead-scope.ts';
import { presentPartnerLead } from './present-lead.ts';

/** GET /api/v1/leads: the partner's own leads, newest first, optionally by status and since a time. */
export async function listPartnerLeads(db: Db, actor: Actor, q: z.infer<typeof PartnerLeadQuery>) {
  const where = and(
    leadScope(actor),
    q.status ? eq(leads.status, q.status) : undefined,
    q.since ? gte(leads.receivedAt, new Date(q.since)) : undefined,
  );
  const rows = await db
    .select()
    .from(leads)
    .where(where)
    .orderBy(desc(leads.receivedAt), desc(leads.id))
    .limit(q.limit);
  return { items: rows.map(presentPartnerLead) };
}
