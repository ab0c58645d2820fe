import { z } from 'zod';
import { LocalDate, Text, Timestamp, Uuid } from '../common.ts';
import { DayBlock } from '../planning.ts';
import { VisitType } from '../quotes.ts';
import { defineEvent } from './define-event.ts';

const VisitRef = { visitId: Uuid, number: Text, orderId: Uuid, orderNumber: Text };

export const VisitCreatedEvent = defineEvent(
  'visit.created',
  "A visit was made for an order (from the signed quote's proposal, or added by operations); it is still to be planned.",
  z.object({ ...VisitRef, type: VisitType, durationMinutes: z.number().int() }),
);
export const VisitScheduledEvent = defineEvent(
  'visit.scheduled',
  "A visit was planned (or moved) on a team's morning or afternoon.",
  z.object({
    ...VisitRef,
    date: LocalDate,
    block: DayBlock,
    teamId: Uuid,
  }),
);
export const VisitStartedEvent = defineEvent(
  'visit.started',
  'The technician started a visit on site.',
  z.object({ ...VisitRef, date: LocalDate.nullable(), teamId: Uuid.nullable(), startedAt: Timestamp }),
);
export const VisitCompletedEvent = defineEvent(
  'visit.completed',
  'A visit was finished.',
  z.object({
    ...VisitRef,
    date: LocalDate.nullable(),
    block: DayBlock.nullable(),
    teamId: Uuid.nullable(),
    completedAt: Timestamp,
  }),
);

export const VisitExecutedEvent = defineEvent(
  'visit.executed',
  "The team recorded work on a visit from the technician app (an answer, photo, part, signature or outcome); the team's devices sync it.",
  z.object({ visitId: Uuid, number: Text, teamId: Uuid, kind: Text }),
);

export const VisitUnplannedEvent = defineEvent(
  'visit.unplanned',
  'A planned visit was taken off the planning, back to the queue of visits to plan (by a planner, or by an accepted optimisation or repair that found no place for it); `date` and `teamId` are where it was.',
  z.object({ ...VisitRef, date: LocalDate.nullable(), teamId: Uuid.nullable() }),
);

export const VISIT_EVENTS = [
  VisitCreatedEvent,
  VisitScheduledEvent,
  VisitStartedEvent,
  VisitCompletedEvent,
  VisitExecutedEvent,
  VisitUnplannedEvent,
] as const;
