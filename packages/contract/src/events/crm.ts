import { z } from 'zod';
import { Uuid } from '../common.ts';
import { defineEvent } from './define-event.ts';

export const CustomerNoteAddedEvent = defineEvent(
  'customer.note_added',
  'Operations added a note to a customer.',
  z.object({ noteId: Uuid }),
);

export const CRM_EVENTS = [CustomerNoteAddedEvent] as const;
