import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { addresses } from '../modules/crm/crm.schema.ts';
import { regions, teamRegions, teams, visits } from '../modules/planning/planning.schema.ts';
import { addDaysToDate, todayInAmsterdam } from '../platform/calendar.ts';
import type { VISIT_TYPES } from '../modules/quotes/quotes.schema.ts';

/** The customer of a quote and the visits its current version asks for. */
export type QuoteVisits = {
  customerId: string;
  visits: readonly { sequence: number; type: (typeof VISIT_TYPES)[number]; durationMinutes: number }[];
};

const LEAD_DAYS = 3;
const HORIZON_DAYS = 42;
const SHOWN = 3;

const isWorkday = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
};

/**
 * The earliest workdays with room in the customer's region, from the teams' current bookings:
 * a day has room when the region's teams together have fewer visits than their daily maximum.
 * A second visit is proposed from after the first one's earliest day.
 */
export async function previewVisitDates(db: DbOrTx, doc: QuoteVisits, today = todayInAmsterdam()) {
  const [address] = await db
    .select({ postcode: addresses.postcode })
    .from(addresses)
    .where(eq(addresses.customerId, doc.customerId))
    .limit(1);
  const pc2 = address?.postcode.slice(0, 2) ?? null;
  const [region] = pc2
    ? await db.select({ code: regions.code }).from(regions).where(sql`${pc2} = any(${regions.pc2})`).limit(1)
    : [];
  if (!region)
    return {
      region: null,
      visits: doc.visits.map((v) => ({
        sequence: v.sequence,
        type: v.type,
        durationMinutes: v.durationMinutes,
        earliestDates: [],
      })),
    };
  const regionTeams = await db
    .select({ id: teams.id, max: teams.maxVisitsPerDay })
    .from(teams)
    .innerJoin(teamRegions, eq(teamRegions.teamId, teams.id))
    .where(eq(teamRegions.regionCode, region.code));
  const capacity = regionTeams.reduce((a, t) => a + t.max, 0);
  const from = addDaysToDate(today, LEAD_DAYS);
  const to = addDaysToDate(today, HORIZON_DAYS);
  const booked = regionTeams.length
    ? await db
        .select({ date: visits.scheduledDate, n: sql<number>`count(*)::int` })
        .from(visits)
        .where(
          and(
            inArray(
              visits.teamId,
              regionTeams.map((t) => t.id),
            ),
            gte(visits.scheduledDate, from),
            lte(visits.scheduledDate, to),
          ),
        )
        .groupBy(visits.scheduledDate)
    : [];
  const load = new Map(booked.map((b) => [String(b.date), b.n]));
  const open: string[] = [];
  for (let d = from; d <= to; d = addDaysToDate(d, 1)) if (isWorkday(d) && (load.get(d) ?? 0) < capacity) open.push(d);
  let after = '';
  const shown = doc.visits.map((v) => {
    const dates = open.filter((d) => d > after).slice(0, SHOWN);
    after = dates[0] ?? after;
    return { sequence: v.sequence, type: v.type, durationMinutes: v.durationMinutes, earliestDates: dates };
  });
  return { region: region.code, visits: shown };
}
