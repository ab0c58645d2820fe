import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { regionLoad } from '../../read-models/region-capacity.ts';
import { listEntities } from '../entities/index.ts';
import { findPartner } from '../partners/index.ts';
import { leadRoutingRules, leads } from './leads.schema.ts';
import type { ScoreContext } from './score-lead.ts';

/** Looking back this many of a partner's leads gives its conversion; fewer than the minimum is no history. */
const PARTNER_HISTORY = 500;
const MIN_HISTORY = 10;
/** Score inputs change slowly; caching them briefly keeps intake fast under load. */
const TTL_MS = 30_000;

function cached<T>(load: (key: string) => Promise<T>) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key: string): Promise<T> {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
      const value = load(key);
      entries.set(key, { at: Date.now(), value });
      value.catch(() => entries.delete(key));
      return value;
    },
    clear: () => entries.clear(),
  };
}

/**
 * What the pipeline reads besides the lead: region capacity, partner history, partner entity,
 * routing rules and the entities. Read outside the lead's transaction, cached for a short while.
 */
export function createLeadContext(db: Db) {
  const region = cached((code) => regionLoad(db, code));
  const partnerHistory = cached(async (partnerId) => {
    const recent = db
      .select({ status: leads.status })
      .from(leads)
      .where(eq(leads.partnerId, partnerId))
      .orderBy(desc(leads.receivedAt))
      .limit(PARTNER_HISTORY)
      .as('recent');
    const [row] = await db
      .select({
        n: sql<number>`count(*)::int`,
        won: sql<number>`count(*) filter (where ${recent.status} in ('qualified', 'converted'))::int`,
      })
      .from(recent);
    const n = row?.n ?? 0;
    return { partnerLeadCount: n, partnerConversion: n >= MIN_HISTORY ? (row?.won ?? 0) / n : null };
  });
  const partner = cached(async (id) => {
    const p = await findPartner(db, id);
    return p ? { id: p.id, entityId: p.entityId, name: p.name } : null;
  });
  const rules = cached(async () => db.select().from(leadRoutingRules));
  const entities = cached(async () => new Set((await listEntities(db)).map((e) => e.id)));

  return {
    async scoreContext(regionCode: string | null, partnerId: string | null): Promise<ScoreContext> {
      const r = regionCode ? await region.get(regionCode) : { regionTeams: 0, regionLoad: 0 };
      const p = partnerId ? await partnerHistory.get(partnerId) : { partnerLeadCount: 0, partnerConversion: null };
      return { ...r, ...p };
    },
    partner: (id: string) => partner.get(id),
    rules: () => rules.get(''),
    entities: () => entities.get(''),
    /** After ops edit the rules, this instance uses them at once (others within the TTL). */
    forgetRules: () => rules.clear(),
  };
}
export type LeadContext = ReturnType<typeof createLeadContext>;
