import { z } from 'zod';
import { Int4, LocalDate, page, Text, Uuid } from './common.ts';
import { VisitType } from './quotes.ts';

export const VisitListQuery = z.object({ date: LocalDate.optional(), teamId: Uuid.optional() });

export const VisitListItem = z
  .object({
    id: Text,
    number: Text,
    orderNumber: Text,
    type: z.enum(['survey', 'installation', 'meter_replacement']),
    status: Text,
    date: Text.nullable(),
    block: z.enum(['morning', 'afternoon']).nullable(),
    teamId: Text.nullable(),
    teamName: Text.nullable(),
    customerName: Text,
    phone: Text.nullable(),
    street: Text,
    houseNumber: z.number().int(),
    houseNumberAddition: Text.nullable(),
    postcode: Text,
    city: Text,
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    durationMinutes: z.number().int(),
    notes: Text.nullable(),
  })
  .meta({ id: 'VisitListItem' });

export const VisitList = z.object({
  items: z.array(VisitListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const Team = z.object({
  id: Text,
  code: Text,
  name: Text,
  homeBaseLabel: Text,
  maxVisitsPerDay: z.number().int(),
  regions: z.array(Text),
  technicians: z.number().int(),
});
export const TeamList = z.array(Team);
export const Region = z.object({ code: Text, name: Text, pc2: z.array(Text) });
export const BusinessEntity = z.object({ id: Text, name: Text, kind: Text, brandColor: Text, website: Text });
export const BusinessEntityList = z.array(BusinessEntity);
export const DashboardMetrics = z.object({
  customers: z.number().int(),
  partners: z.number().int(),
  openLeads: z.number().int(),
  quotes: z.number().int(),
  orders: z.number().int(),
  visits: z.number().int(),
  visitsToday: z.number().int(),
  executionRate: z.number(),
  quoteConversion: z.number(),
});
export const StoredEmail = z.object({
  id: Text,
  to: Text,
  subject: Text,
  bodyText: Text,
  status: Text,
  createdAt: Text,
});
export const StoredEmailPage = page(StoredEmail);

export const DayBlock = z.enum(['morning', 'afternoon']);

/** Ops add a visit to an order without one; an order whose quote proposed visits gets those, and the body may be left out. */
export const AddOrderVisitsBody = z
  .object({ type: VisitType, durationMinutes: z.number().int().min(30).max(960) })
  .strict()
  .nullish();
export const OrderVisitsCreated = z
  .array(
    z.object({
      id: Text,
      number: Text,
      type: VisitType,
      status: Text,
      durationMinutes: z.number().int(),
      requiredSkills: z.array(Text),
      afterVisitId: Text.nullable(),
    }),
  )
  .meta({ id: 'OrderVisitsCreated' });
export const VisitStarted = z
  .object({ id: Text, number: Text, status: z.literal('in_progress'), startedAt: Text })
  .meta({ id: 'VisitStarted' });

/** Planning a visit on a day part of one team; planning it again moves it (it stays scheduled). */
export const ScheduleVisitBody = z
  .object({
    date: LocalDate,
    teamId: Uuid,
    block: DayBlock,
    lockVersion: Int4.optional(),
    overrideReason: Text.trim().min(3).max(500).optional(),
  })
  .strict();
export const VisitScheduled = z
  .object({ id: Text, number: Text, status: z.literal('scheduled'), date: Text, block: DayBlock, teamId: Text })
  .meta({ id: 'VisitScheduled' });
export const VisitCompleted = z
  .object({ id: Text, number: Text, status: z.literal('completed'), completedAt: Text })
  .meta({ id: 'VisitCompleted' });

// ---- The planning board (issue 12): every scheduling change goes through one check. ----

const HourMinute = Text.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'verwacht UU:MM');
export const ABSENCE_KINDS = ['holiday', 'illness', 'training', 'other'] as const;
export const AbsenceKind = z.enum(ABSENCE_KINDS);
export const TEAM_SKILLS = [
  'charger_installation',
  'three_phase_meter_cabinet',
  'survey',
  'ocpp_configuration',
] as const;

/** Plan, move or unplan a visit (`slot: null`), on the version the planner saw; a reason overrides a refusal. */
export const PlanVisitBody = z
  .object({
    lockVersion: Int4,
    slot: z.object({ teamId: Uuid, date: LocalDate, block: DayBlock }).strict().nullable(),
    overrideReason: Text.trim().min(3).max(500).optional(),
  })
  .strict();
export const PlannedVisit = z
  .object({
    id: Text,
    number: Text,
    status: z.enum(['scheduled', 'to_schedule']),
    teamId: Text.nullable(),
    date: Text.nullable(),
    block: DayBlock.nullable(),
    lockVersion: z.number().int(),
    addedKm: z.number(),
    addedMinutes: z.number().int(),
    overridden: z.array(Text),
  })
  .meta({ id: 'PlannedVisit' });

export const CreateVisitBody = z
  .object({
    orderId: Uuid,
    type: VisitType,
    durationMinutes: z.number().int().min(30).max(960),
    priority: z.number().int().min(0).max(2).optional(),
    windowStart: HourMinute.optional(),
    windowEnd: HourMinute.optional(),
    afterVisitId: Uuid.optional(),
    instructions: Text.trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => (b.windowStart === undefined) === (b.windowEnd === undefined), {
    message: 'geef begin en einde van het tijdvak allebei, of geen van beide',
    path: ['windowEnd'],
  })
  .refine((b) => !b.windowStart || !b.windowEnd || b.windowStart < b.windowEnd, {
    message: 'het tijdvak eindigt na het begin',
    path: ['windowEnd'],
  });
export const VisitCreated = z
  .object({
    id: Text,
    number: Text,
    orderId: Text,
    type: VisitType,
    status: Text,
    durationMinutes: z.number().int(),
    priority: z.number().int(),
    requiredSkills: z.array(Text),
    windowStart: Text.nullable(),
    windowEnd: Text.nullable(),
    afterVisitId: Text.nullable(),
    lockVersion: z.number().int(),
  })
  .meta({ id: 'VisitCreated' });

export const BoardQuery = z.object({
  view: z.enum(['week', 'month']).default('week'),
  date: LocalDate.optional(),
  region: Text.max(40).optional(),
});
export const ScheduleQuery = BoardQuery.extend({
  type: VisitType.optional(),
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  priority: z.coerce.number().int().min(0).max(2).optional(),
  /** waiting: visits short on a part; ready: visits whose parts are there. */
  materials: z.enum(['waiting', 'ready']).optional(),
});
export const VisitCard = z
  .object({
    id: Text,
    number: Text,
    orderId: Text,
    orderNumber: Text,
    type: VisitType,
    status: Text,
    priority: z.number().int(),
    teamId: Text.nullable(),
    date: Text.nullable(),
    block: DayBlock.nullable(),
    durationMinutes: z.number().int(),
    requiredSkills: z.array(Text),
    windowStart: Text.nullable(),
    windowEnd: Text.nullable(),
    confirmed: z.boolean(),
    lockVersion: z.number().int(),
    afterVisitId: Text.nullable(),
    customerName: Text,
    postcode: Text,
    city: Text,
    createdAt: Text,
    /** The parts the visit lacks by its day (in the queue: not in stock now); empty when it has them. */
    missingMaterials: z.array(Text),
  })
  .meta({ id: 'VisitCard' });
const BoardBlock = z.object({
  capacityMinutes: z.number().int(),
  usedMinutes: z.number().int(),
  travelKm: z.number(),
  visits: z.array(VisitCard),
});
export const TeamSchedule = z
  .object({
    from: Text,
    to: Text,
    days: z.array(Text),
    teams: z.array(
      z.object({
        id: Text,
        code: Text,
        name: Text,
        homeBaseLabel: Text,
        maxVisitsPerDay: z.number().int(),
        workingDays: z.array(z.number().int()),
        skills: z.array(Text),
        regions: z.array(Text),
        members: z.number().int(),
        days: z.array(
          z.object({
            date: Text,
            off: z.object({ kind: z.enum(['day_off', ...ABSENCE_KINDS]), note: Text.nullable() }).nullable(),
            visits: z.number().int(),
            blocks: z.object({ morning: BoardBlock, afternoon: BoardBlock }),
          }),
        ),
      }),
    ),
    queue: z.array(VisitCard),
  })
  .meta({ id: 'TeamSchedule' });

export const SlotQuery = z.object({ teamId: Uuid, date: LocalDate, block: DayBlock });
export const SlotFeasibility = z
  .object({
    teamId: Text,
    date: Text,
    block: DayBlock,
    ok: z.boolean(),
    overridable: z.boolean(),
    addedKm: z.number(),
    addedMinutes: z.number().int(),
    reasons: z.array(z.object({ code: Text, message: Text })),
  })
  .meta({ id: 'SlotFeasibility' });
export const DropFeasibility = z
  .object({ visitId: Text, lockVersion: z.number().int(), cells: z.array(SlotFeasibility) })
  .meta({ id: 'DropFeasibility' });

export const OptionsQuery = z.object({
  from: LocalDate.optional(),
  days: z.coerce.number().int().min(1).max(28).optional(),
  max: z.coerce.number().int().min(1).max(10).optional(),
});
export const VisitOptions = z
  .object({
    visitId: Text,
    options: z.array(
      z.object({
        teamId: Text,
        teamName: Text,
        date: Text,
        block: DayBlock,
        addedKm: z.number(),
        addedMinutes: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'VisitOptions' });

export const CapacityQuery = z.object({ view: z.enum(['week', 'month']).default('week'), date: LocalDate.optional() });
export const PlanningCapacity = z
  .object({
    from: Text,
    to: Text,
    utilisation: z.number(),
    utilisationGoal: z.number(),
    firstTimeRight: z.number().nullable(),
    firstTimeRightGoal: z.number(),
    visitsDone: z.number().int(),
    plannedVisits: z.number().int(),
    travelKmPerVisit: z.number().nullable(),
    teams: z.array(
      z.object({
        teamId: Text,
        name: Text,
        availableMinutes: z.number().int(),
        usedMinutes: z.number().int(),
        utilisation: z.number(),
        visits: z.number().int(),
        travelKm: z.number(),
      }),
    ),
  })
  .meta({ id: 'PlanningCapacity' });

export const TeamAbsence = z
  .object({ id: Text, teamId: Text, dateFrom: Text, dateTo: Text, kind: AbsenceKind, note: Text.nullable() })
  .meta({ id: 'TeamAbsence' });
export const TeamAbsenceBody = z
  .object({ dateFrom: LocalDate, dateTo: LocalDate, kind: AbsenceKind, note: Text.trim().max(500).optional() })
  .strict();
export const TeamAbsenceAdded = z
  .object({
    absence: TeamAbsence,
    affectedVisits: z.array(z.object({ id: Text, number: Text, date: Text.nullable(), block: DayBlock.nullable() })),
  })
  .meta({ id: 'TeamAbsenceAdded' });
export const AbsenceParams = z.object({ id: Uuid, absenceId: Uuid });

export const TeamSettingsBody = z
  .object({
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    maxVisitsPerDay: z.number().int().min(1).max(12).optional(),
    skills: z.array(z.enum(TEAM_SKILLS)).max(10).optional(),
    regions: z.array(Text.max(40)).max(20).optional(),
  })
  .strict();
export const TeamSettings = z
  .object({
    id: Text,
    workingDays: z.array(z.number().int()),
    maxVisitsPerDay: z.number().int(),
    skills: z.array(Text),
    regions: z.array(Text),
  })
  .meta({ id: 'TeamSettings' });
