import { z } from 'zod';
import { LocalDate, Text, Timestamp, Uuid } from '../common.ts';
import { DayBlock } from '../planning.ts';
import { defineEvent } from './define-event.ts';

const VisitRef = { visitId: Uuid, number: Text, orderId: Uuid, orderNumber: Text };

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

export const VISIT_EVENTS = [VisitScheduledEvent, VisitCompletedEvent] as const;
