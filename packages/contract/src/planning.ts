import { z } from 'zod';
import { LocalDate, page, Text, Uuid } from './common.ts';
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
export const ScheduleVisitBody = z.object({ date: LocalDate, teamId: Uuid, block: DayBlock }).strict();
export const VisitScheduled = z
  .object({ id: Text, number: Text, status: z.literal('scheduled'), date: Text, block: DayBlock, teamId: Text })
  .meta({ id: 'VisitScheduled' });
export const VisitCompleted = z
  .object({ id: Text, number: Text, status: z.literal('completed'), completedAt: Text })
  .meta({ id: 'VisitCompleted' });
