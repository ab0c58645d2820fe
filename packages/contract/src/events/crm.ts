import { z } from 'zod';
import { Text, Uuid } from '../common.ts';
import { MessageChannel } from '../communications.ts';
import { defineEvent } from './define-event.ts';

export const CustomerNoteAddedEvent = defineEvent(
  'customer.note_added',
  'Operations added a note to a customer.',
  z.object({ noteId: Uuid }),
);

export const CustomerRepliedEvent = defineEvent(
  'customer.replied',
  'Someone answered by e-mail, SMS or WhatsApp; the reply is in the message log, on the customer when known (`customerId` null: an unknown sender).',
  z.object({
    inboundMessageId: Uuid,
    channel: MessageChannel,
    customerId: Uuid.nullable(),
    /** Who wrote: the sender's name, else their address or number. */
    from: Text,
    /** The start of the reply, for the notification. */
    excerpt: Text,
  }),
);

export const CRM_EVENTS = [CustomerNoteAddedEvent, CustomerRepliedEvent] as const;
