import { z } from 'zod';
import { LocalDate, Text, Uuid } from './common.ts';
import { DayBlock } from './planning.ts';

/** "Optimaliseer": a horizon of at most two weeks, one region or all. */
export const OptimiseBody = z
  .object({ from: LocalDate, to: LocalDate, regionCode: Text.min(1).max(40).optional() })
  .strict()
  .meta({ id: 'OptimiseBody' });

/** A team cannot work on a day: the absence is recorded and a repair proposal is made for its visits. */
export const TeamAbsentBody = z
  .object({
    teamId: Uuid,
    date: LocalDate,
    kind: z.enum(['holiday', 'illness', 'training', 'other']).default('illness'),
    note: Text.max(500).optional(),
  })
  .strict()
  .meta({ id: 'TeamAbsentBody' });

/** Accept the whole proposal, or only what comes into or leaves the days of these teams. */
export const ApplyProposalBody = z
  .object({ teamIds: z.array(Uuid).min(1).max(200).optional() })
  .strict()
  .nullish();

const Slot = z.object({ teamId: Text, teamName: Text, date: LocalDate, block: DayBlock });

/** Why the engine (or the optimiser before it) left a visit unplanned. */
export const UNASSIGNED_REASONS = [
  'no-team-with-skills',
  'no-team-in-region',
  'no-allowed-day',
  'over-capacity',
  'window-unreachable',
  'predecessor-unassigned',
  'no-capacity-in-window',
  'fixed-not-in-plan',
  'materials-missing',
  'no-coordinates',
] as const;

export const ProposalChange = z.object({
  visitId: Text,
  number: Text,
  customerName: Text,
  city: Text,
  /** added: unplanned before; moved: other team, day or block; unscheduled: taken off its day; unassigned: stays unplanned. */
  kind: z.enum(['added', 'moved', 'unscheduled', 'unassigned']),
  from: Slot.nullable(),
  to: Slot.nullable(),
  reason: z.enum(UNASSIGNED_REASONS).nullable(),
  /** Materials the inventory says are missing, for a visit left out for that reason. */
  missing: z.array(Text),
  /** Outdoor work on a day with a bad forecast (soft: the optimiser avoids it where it can). */
  badWeather: z.boolean(),
});

const TeamFigures = z.object({
  visits: z.number().int(),
  km: z.number(),
  travelMinutes: z.number(),
  workMinutes: z.number(),
});

export const ProposalTeam = z.object({
  teamId: Text,
  teamName: Text,
  before: TeamFigures,
  after: TeamFigures,
  changes: z.number().int(),
  applied: z.boolean(),
});

export const PROPOSAL_STATUSES = ['queued', 'running', 'ready', 'failed', 'applied'] as const;

export const PlanningProposal = z
  .object({
    id: Text,
    kind: z.enum(['optimise', 'repair']),
    status: z.enum(PROPOSAL_STATUSES),
    from: LocalDate,
    to: LocalDate,
    regionCode: Text.nullable(),
    absentTeamId: Text.nullable(),
    absentDate: LocalDate.nullable(),
    createdAt: Text,
    progress: z
      .object({
        elapsedMs: z.number(),
        budgetMs: z.number(),
        iterations: z.number().int(),
        unassigned: z.number().int(),
      })
      .nullable(),
    error: Text.nullable(),
    /** Whether a forecast was available (the offline default has none). */
    weatherAvailable: z.boolean(),
    changes: z.array(ProposalChange),
    teams: z.array(ProposalTeam),
    /** For a repair: the customers whose visit moves or is taken off its day. */
    affectedCustomers: z.array(z.object({ customerId: Text, name: Text, phone: Text.nullable(), visitNumber: Text })),
  })
  .meta({ id: 'PlanningProposal' });

export const PlanningProposalSummary = z.object({
  id: Text,
  kind: z.enum(['optimise', 'repair']),
  status: z.enum(PROPOSAL_STATUSES),
  from: LocalDate,
  to: LocalDate,
  regionCode: Text.nullable(),
  createdAt: Text,
});
export const PlanningProposalList = z.array(PlanningProposalSummary);

export const ProposalApplied = z
  .object({ id: Text, status: z.enum(PROPOSAL_STATUSES), applied: z.number().int(), unscheduled: z.number().int() })
  .meta({ id: 'ProposalApplied' });

export const TeamRouteQuery = z.object({ date: LocalDate });

export const RouteStop = z.object({
  visitId: Text,
  number: Text,
  customerName: Text,
  street: Text,
  city: Text,
  postcode: Text,
  lat: z.number(),
  lon: z.number(),
  block: DayBlock,
  /** Estimated arrival and service start/end, HH:MM in Amsterdam time. */
  arrival: Text,
  start: Text,
  end: Text,
  travelMinutes: z.number(),
  travelKm: z.number(),
  workMinutes: z.number(),
  badWeather: z.boolean(),
});

export const TeamRoute = z
  .object({
    teamId: Text,
    teamName: Text,
    date: LocalDate,
    base: z.object({ label: Text, lat: z.number(), lon: z.number() }),
    departure: Text.nullable(),
    returnAt: Text.nullable(),
    stops: z.array(RouteStop),
    /** Visits of that day without coordinates: not on the map, not in the times. */
    withoutLocation: z.array(Text),
    totals: z.object({ km: z.number(), travelMinutes: z.number(), workMinutes: z.number() }),
    travelSource: Text,
    weather: z.object({ available: z.boolean(), severe: z.array(Text) }),
  })
  .meta({ id: 'TeamRoute' });

export const WeatherQuery = z.object({ from: LocalDate, to: LocalDate });

export const WeatherFlags = z
  .object({
    available: z.boolean(),
    provider: Text,
    /** Days with a severe forecast, per region: heavy rain, frost, storm. */
    days: z.array(z.object({ date: LocalDate, regionCode: Text, severe: z.array(z.enum(['rain', 'frost', 'storm'])) })),
    /** Planned outdoor visits on such a day. */
    visits: z.array(
      z.object({
        visitId: Text,
        number: Text,
        date: LocalDate,
        teamId: Text.nullable(),
        severe: z.array(z.enum(['rain', 'frost', 'storm'])),
      }),
    ),
  })
  .meta({ id: 'WeatherFlags' });
