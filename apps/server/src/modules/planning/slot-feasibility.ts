import { haversineKm } from '@chargecars/planner';
import type { DbOrTx } from '../../platform/db/client.ts';
import { todayInAmsterdam } from '../../platform/calendar.ts';
import type { Bilingual } from '../../platform/errors.ts';
import {
  absencesBetween,
  linkedVisits,
  plannedVisitsBetween,
  planningTeams,
  type WorldAbsence,
  type WorldTeam,
  type WorldVisit,
} from '../../read-models/planning-world.ts';

export type Block = 'morning' | 'afternoon';
export type Slot = { teamId: string; date: string; block: Block };

/** The day parts a customer can choose (PRD): morning 08:00-12:00, afternoon 12:00-17:00, in minutes. */
export const BLOCKS: Record<Block, { start: number; end: number }> = {
  morning: { start: 8 * 60, end: 12 * 60 },
  afternoon: { start: 12 * 60, end: 17 * 60 },
};
/** Road km per straight km, and the average speed door to door (the engine's Dutch default). */
export const ROAD_FACTOR = 1.3;
const SPEED_KMH = 60;

export type ReasonCode =
  | 'visit_final'
  | 'not_a_date'
  | 'date_past'
  | 'unknown_team'
  | 'day_off'
  | 'absent'
  | 'no_members'
  | 'missing_skill'
  | 'region_not_served'
  | 'day_full'
  | 'block_full'
  | 'window_unreachable'
  | 'link_order'
  | 'confirmed';

/** Refusals nobody may override: the visit is finished, the day is not a day to plan on, the team does not exist, or the order of linked visits breaks. */
const HARD: ReadonlySet<ReasonCode> = new Set(['visit_final', 'not_a_date', 'date_past', 'unknown_team', 'link_order']);

export type Reason = { code: ReasonCode } & Bilingual;
export type Feasibility = {
  ok: boolean;
  /** Every reason can be overridden by a planner with a reason of their own. */
  overridable: boolean;
  reasons: Reason[];
  /** What the visit adds to the team's day route (at the best place in its block). */
  addedKm: number;
  addedMinutes: number;
};

/** Everything the checks read, loaded once for a set of teams and days (a board, a drop, one move). */
export type SlotWorld = {
  teams: Map<string, WorldTeam>;
  absences: WorldAbsence[];
  /** Planned visits by `${teamId}|${date}`. */
  planned: Map<string, WorldVisit[]>;
  today: string;
};

export async function loadSlotWorld(db: DbOrTx, from: string, to: string, teamIds?: string[]): Promise<SlotWorld> {
  const [teamRows, absences, planned] = await Promise.all([
    planningTeams(db, teamIds),
    absencesBetween(db, from, to, teamIds),
    plannedVisitsBetween(db, from, to, teamIds),
  ]);
  return slotWorldOf(teamRows, absences, planned);
}

/** A world of teams, their absences and planned visits, however they were read (the database or the planning memory). */
export function slotWorldOf(teams: WorldTeam[], absences: WorldAbsence[], planned: WorldVisit[]): SlotWorld {
  const byDay = new Map<string, WorldVisit[]>();
  for (const v of planned) {
    const key = `${v.teamId}|${v.date}`;
    const list = byDay.get(key);
    if (list) list.push(v);
    else byDay.set(key, [v]);
  }
  return { teams: new Map(teams.map((t) => [t.id, t])), absences, planned: byDay, today: todayInAmsterdam() };
}

/** Per date: whether it exists, and its ISO weekday; a board's checks ask both for every cell. */
const dateFacts = new Map<string, { exists: boolean; weekday: number }>();
const factsOf = (date: string) => {
  let facts = dateFacts.get(date);
  if (!facts) {
    if (dateFacts.size >= 4096) dateFacts.clear();
    const d = new Date(`${date}T12:00:00Z`);
    facts = {
      exists: !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date),
      weekday: ((d.getUTCDay() + 6) % 7) + 1,
    };
    dateFacts.set(date, facts);
  }
  return facts;
};
/** The contract checks the shape JJJJ-MM-DD; this also refuses a day that does not exist (2026-02-30). */
export const isCalendarDate = (date: string) => factsOf(date).exists;
/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export const isoWeekday = (date: string) => factsOf(date).weekday;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const ABSENCE: Record<WorldAbsence['kind'], Bilingual> = {
  holiday: { nl: 'vakantie', en: 'holiday' },
  illness: { nl: 'ziekte', en: 'illness' },
  training: { nl: 'training', en: 'training' },
  other: { nl: 'afwezig', en: 'absent' },
};
const WEEKDAY: Bilingual[] = [
  { nl: 'maandag', en: 'Monday' },
  { nl: 'dinsdag', en: 'Tuesday' },
  { nl: 'woensdag', en: 'Wednesday' },
  { nl: 'donderdag', en: 'Thursday' },
  { nl: 'vrijdag', en: 'Friday' },
  { nl: 'zaterdag', en: 'Saturday' },
  { nl: 'zondag', en: 'Sunday' },
];
const SKILL: Record<string, Bilingual> = {
  charger_installation: { nl: 'laadpaalinstallatie', en: 'charger installation' },
  three_phase_meter_cabinet: { nl: '3-fase meterkast', en: 'three-phase meter cabinet' },
  survey: { nl: 'schouwing', en: 'survey' },
  ocpp_configuration: { nl: 'OCPP-configuratie', en: 'OCPP configuration' },
};
const skillName = (s: string, lang: keyof Bilingual) => SKILL[s]?.[lang] ?? s;

type Point = { lat: number; lon: number };
const roadKm = (a: Point, b: Point) => haversineKm(a, b) * ROAD_FACTOR;
const pointOf = (v: WorldVisit, base: Point): Point =>
  v.lat !== null && v.lon !== null ? { lat: v.lat, lon: v.lon } : base;
/** A stop's own window inside the block: the agreed window, or the block. */
const windowOf = (v: WorldVisit, block: Block) => {
  const b = BLOCKS[block];
  if (!v.windowStart || !v.windowEnd) return b;
  return { start: Math.max(b.start, minutes(v.windowStart)), end: Math.min(b.end, minutes(v.windowEnd)) };
};

/**
 * The block's route with the visit put at its cheapest place that keeps every stop in its window
 * (service start from the window's start, end by its end), and what that adds to the day's kilometres.
 * The block starts from the team's base (morning) or the last morning stop (afternoon); the team sets
 * out in time to be at the first stop when the block starts, so only drives between stops take block
 * time (a regional team may drive an hour to its first customer). Null: no place fits.
 */
function bestInsertion(visit: WorldVisit, team: WorldTeam, block: Block, dayStops: WorldVisit[]) {
  const base = { lat: team.lat, lon: team.lon };
  const order = (list: WorldVisit[], b: Block) =>
    list
      .filter((v) => v.block === b)
      .sort((x, y) => windowOf(x, b).start - windowOf(y, b).start || x.number.localeCompare(y.number));
  const morning = order(dayStops, 'morning');
  const afternoon = order(dayStops, 'afternoon');
  const existing = block === 'morning' ? morning : afternoon;
  const entry = block === 'morning' || !morning.length ? base : pointOf(morning.at(-1)!, base);
  // After the block the route goes on to the afternoon's first stop, or home.
  const exit = block === 'morning' && afternoon.length ? pointOf(afternoon[0]!, base) : base;
  let best: { km: number; minutes: number } | null = null;
  for (let p = 0; p <= existing.length; p++) {
    const route = [...existing.slice(0, p), visit, ...existing.slice(p)];
    let t = BLOCKS[block].start;
    let at = entry;
    let fits = true;
    for (const [i, stop] of route.entries()) {
      const here = pointOf(stop, base);
      const w = windowOf(stop, block);
      // The team sets out in time for the block's first stop; the drives between stops take block time.
      t = Math.max(i === 0 ? t : t + (roadKm(at, here) / SPEED_KMH) * 60, w.start);
      if (t + stop.durationMinutes > w.end) {
        fits = false;
        break;
      }
      t += stop.durationMinutes;
      at = here;
    }
    if (!fits) continue;
    const prev = p === 0 ? entry : pointOf(existing[p - 1]!, base);
    const next = p === existing.length ? exit : pointOf(existing[p]!, base);
    const here = pointOf(visit, base);
    const km = roadKm(prev, here) + roadKm(here, next) - roadKm(prev, next);
    if (!best || km < best.km) best = { km, minutes: (km / SPEED_KMH) * 60 };
  }
  return best;
}

/** A block's stops in route order, its kilometres (from the base or the morning's last stop) and its drive time between stops. */
export function blockRoute(team: WorldTeam, block: Block, dayStops: WorldVisit[]) {
  const base = { lat: team.lat, lon: team.lon };
  const order = (b: Block) =>
    dayStops
      .filter((v) => v.block === b)
      .sort((x, y) => windowOf(x, b).start - windowOf(y, b).start || x.number.localeCompare(y.number));
  const morning = order('morning');
  const stops = block === 'morning' ? morning : order('afternoon');
  let at = block === 'morning' || !morning.length ? base : pointOf(morning.at(-1)!, base);
  let km = 0;
  let between = 0;
  for (const [i, stop] of stops.entries()) {
    const here = pointOf(stop, base);
    const leg = roadKm(at, here);
    km += leg;
    if (i > 0) between += leg;
    at = here;
  }
  // Block time: the drives between its stops (the first one is reached by the block's start).
  return { stops, km, travelMinutes: Math.round((between / SPEED_KMH) * 60) };
}

const BLOCK_LABEL: Record<Block, Bilingual> = {
  morning: { nl: 'ochtend', en: 'morning' },
  afternoon: { nl: 'middag', en: 'afternoon' },
};

/** Links: a visit comes on a later day than the one it follows, and before the ones that follow it. */
export type Link = { id: string; number: string; date: string | null; afterVisitId: string | null };

/**
 * Whether `visit` fits `slot`: every reason it does not, or the travel it adds. Pure: reads only the
 * world and the visit's links, so a board can ask it for hundreds of cells in one go.
 */
export function judgeSlot(
  world: SlotWorld,
  visit: WorldVisit & { links: Link[] },
  slot: Slot,
  opts: { moveConfirmed?: boolean } = {},
): Feasibility {
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, nl: string, en: string) => reasons.push({ code, nl, en });
  const result = (extra?: { km: number; minutes: number } | null): Feasibility => ({
    ok: reasons.length === 0,
    overridable: reasons.length > 0 && reasons.every((r) => !HARD.has(r.code)),
    reasons,
    addedKm: Math.round((extra?.km ?? 0) * 10) / 10,
    addedMinutes: Math.round(extra?.minutes ?? 0),
  });
  if (visit.status === 'completed' || visit.status === 'cancelled' || visit.status === 'partial')
    add(
      'visit_final',
      `Bezoek ${visit.number} is al afgerond of geannuleerd`,
      `Visit ${visit.number} is already done or cancelled`,
    );
  if (!isCalendarDate(slot.date)) {
    add('not_a_date', `${slot.date} is geen bestaande datum`, `${slot.date} is not a calendar date`);
    return result();
  }
  if (slot.date < world.today)
    add('date_past', 'Een datum in het verleden kan niet', 'A date in the past is not possible');
  const team = world.teams.get(slot.teamId);
  if (!team) {
    add('unknown_team', 'Onbekend team', 'Unknown team');
    return result();
  }
  const moving =
    visit.teamId !== null && (visit.teamId !== slot.teamId || visit.date !== slot.date || visit.block !== slot.block);
  if (visit.confirmed && moving && !opts.moveConfirmed)
    add(
      'confirmed',
      `Bezoek ${visit.number} is met de klant bevestigd (${visit.date}); verplaatsen alleen met overleg`,
      `Visit ${visit.number} was confirmed with the customer (${visit.date}); move it only after asking`,
    );
  const weekday = isoWeekday(slot.date);
  if (!team.workingDays.includes(weekday))
    add(
      'day_off',
      `${team.name} werkt niet op ${WEEKDAY[weekday - 1]!.nl}`,
      `${team.name} does not work on ${WEEKDAY[weekday - 1]!.en}`,
    );
  const absence = world.absences.find((a) => a.teamId === team.id && a.dateFrom <= slot.date && a.dateTo >= slot.date);
  if (absence)
    add(
      'absent',
      `${team.name} is afwezig (${ABSENCE[absence.kind].nl}) van ${absence.dateFrom} t/m ${absence.dateTo}`,
      `${team.name} is away (${ABSENCE[absence.kind].en}) from ${absence.dateFrom} to ${absence.dateTo}`,
    );
  if (team.members === 0) add('no_members', `${team.name} heeft geen monteurs`, `${team.name} has no technicians`);
  const missing = visit.requiredSkills.filter((s) => !team.skills.includes(s));
  if (missing.length)
    add(
      'missing_skill',
      `${team.name} mist de vaardigheid ${missing.map((s) => skillName(s, 'nl')).join(', ')}`,
      `${team.name} lacks the skill ${missing.map((s) => skillName(s, 'en')).join(', ')}`,
    );
  const pc2 = visit.postcode.slice(0, 2);
  if (!team.pc2.includes(pc2))
    add(
      'region_not_served',
      `${team.name} werkt niet in postcodegebied ${pc2}`,
      `${team.name} does not serve postcode area ${pc2}`,
    );
  for (const other of visit.links) {
    if (!other.date) continue;
    if (other.id === visit.afterVisitId && other.date >= slot.date)
      add(
        'link_order',
        `Moet na ${other.number} (${other.date}) komen, op een latere dag`,
        `Must come after ${other.number} (${other.date}), on a later day`,
      );
    if (other.afterVisitId === visit.id && other.date <= slot.date)
      add(
        'link_order',
        `Moet vóór ${other.number} (${other.date}) komen, op een eerdere dag`,
        `Must come before ${other.number} (${other.date}), on an earlier day`,
      );
  }
  const dayStops = (world.planned.get(`${team.id}|${slot.date}`) ?? []).filter((v) => v.id !== visit.id);
  if (dayStops.length >= team.maxVisitsPerDay)
    add(
      'day_full',
      `${team.name} heeft op ${slot.date} al ${dayStops.length} van ${team.maxVisitsPerDay} bezoeken`,
      `${team.name} already has ${dayStops.length} of ${team.maxVisitsPerDay} visits on ${slot.date}`,
    );
  const label = BLOCK_LABEL[slot.block];
  const own = windowOf(visit, slot.block);
  if (visit.windowStart && own.start + visit.durationMinutes > own.end) {
    add(
      'window_unreachable',
      `Het afgesproken tijdvak ${visit.windowStart}-${visit.windowEnd} past niet in de ${label.nl}`,
      `The agreed window ${visit.windowStart}-${visit.windowEnd} does not fit the ${label.en}`,
    );
    return result();
  }
  const fit = bestInsertion(visit, team, slot.block, dayStops);
  if (!fit) {
    // Would it fit the block without its window? Then the window is the reason, not the block's time.
    const unbound = visit.windowStart
      ? bestInsertion({ ...visit, windowStart: null, windowEnd: null }, team, slot.block, dayStops)
      : null;
    if (unbound)
      add(
        'window_unreachable',
        `Het tijdvak ${visit.windowStart}-${visit.windowEnd} is niet te halen naast de andere bezoeken in de ${label.nl}`,
        `The window ${visit.windowStart}-${visit.windowEnd} cannot be reached beside the other visits of the ${label.en}`,
      );
    else {
      const used = dayStops.filter((v) => v.block === slot.block).reduce((s, v) => s + v.durationMinutes, 0);
      const length = BLOCKS[slot.block].end - BLOCKS[slot.block].start;
      add(
        'block_full',
        `De ${label.nl} van ${team.name} is vol: ${used} van ${length} minuten bezet, dit bezoek duurt ${visit.durationMinutes} minuten plus reistijd`,
        `${team.name}'s ${label.en} is full: ${used} of ${length} minutes taken, this visit takes ${visit.durationMinutes} minutes plus travel`,
      );
    }
  }
  return result(fit);
}

/** The check for one slot, with its own reads (a move, a single-cell question). */
export async function checkSlot(
  db: DbOrTx,
  visit: WorldVisit,
  slot: Slot,
  opts: { moveConfirmed?: boolean } = {},
): Promise<Feasibility> {
  const safeDate = isCalendarDate(slot.date) ? slot.date : todayInAmsterdam();
  const [world, links] = await Promise.all([
    loadSlotWorld(db, safeDate, safeDate, [slot.teamId]),
    linkedVisits(db, visit),
  ]);
  return judgeSlot(world, { ...visit, links }, slot, opts);
}

/** The reasons in one language, as field errors a client shows beside the slot. */
export const reasonsIn = (reasons: Reason[], lang: keyof Bilingual) =>
  reasons.map((r) => ({ code: r.code, message: r[lang] }));
