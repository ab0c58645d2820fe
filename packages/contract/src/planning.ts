import { z } from 'zod';
import { LocalDate, Uuid } from './common.ts';

export const VisitListQuery = z.object({ date: LocalDate.optional(), teamId: Uuid.optional() });

export const VisitListItem = z
  .object({
    id: z.string(),
    number: z.string(),
    orderNumber: z.string(),
    type: z.enum(['survey', 'installation', 'meter_replacement']),
    status: z.string(),
    date: z.string().nullable(),
    block: z.enum(['morning', 'afternoon']).nullable(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    customerName: z.string(),
    phone: z.string().nullable(),
    street: z.string(),
    houseNumber: z.number().int(),
    houseNumberAddition: z.string().nullable(),
    postcode: z.string(),
    city: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    durationMinutes: z.number().int(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'VisitListItem' });

export const VisitList = z.object({ items: z.array(VisitListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const Team = z.object({ id: z.string(), code: z.string(), name: z.string(), homeBaseLabel: z.string(), maxVisitsPerDay: z.number().int(), regions: z.array(z.string()), technicians: z.number().int() });
export const Region = z.object({ code: z.string(), name: z.string(), pc2: z.array(z.string()) });
export const BusinessEntity = z.object({ id: z.string(), name: z.string(), kind: z.string(), brandColor: z.string(), website: z.string() });
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
export const StoredEmail = z.object({ id: z.string(), to: z.string(), subject: z.string(), bodyText: z.string(), status: z.string(), createdAt: z.string() });

export const DayBlock = z.enum(['morning', 'afternoon']);

/** Planning a visit on a day part of one team; planning it again moves it (it stays scheduled). */
export const ScheduleVisitBody = z.object({ date: LocalDate, teamId: Uuid, block: DayBlock }).strict();
export const VisitScheduled = z
  .object({ id: z.string(), number: z.string(), status: z.literal('scheduled'), date: z.string(), block: DayBlock, teamId: z.string() })
  .meta({ id: 'VisitScheduled' });
export const VisitCompleted = z
  .object({ id: z.string(), number: z.string(), status: z.literal('completed'), completedAt: z.string() })
  .meta({ id: 'VisitCompleted' });
