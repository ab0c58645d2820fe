import { z } from 'zod';
import { Cents, Text } from '../common.ts';
import { BillTo } from '../quotes.ts';
import { defineEvent } from './define-event.ts';

const Version = z.number().int().min(1);

export const QuoteCreatedEvent = defineEvent(
  'quote.created',
  'A draft quote was made.',
  z.object({ number: Text, customerTotalCents: Cents, partnerTotalCents: Cents }),
);
export const QuoteRevisedEvent = defineEvent(
  'quote.revised',
  'A quote got new lines: a draft in place, or a new version of a sent quote.',
  z.object({
    version: Version,
    customerTotalCents: Cents,
    partnerTotalCents: Cents,
    changeNote: Text.nullable(),
  }),
);
export const QuoteSentEvent = defineEvent(
  'quote.sent',
  'A quote version was sent to its signers.',
  z.object({ number: Text, version: Version }),
);
export const QuotePartSignedEvent = defineEvent(
  'quote.part_signed',
  'One side (customer or partner) signed its part of a quote.',
  z.object({ number: Text, role: BillTo }),
);
export const QuoteSignedEvent = defineEvent(
  'quote.signed',
  'Every part of a quote version is signed; the order is made in the same transaction.',
  z.object({ number: Text, version: Version }),
);
export const QuoteDeclinedEvent = defineEvent(
  'quote.declined',
  'One side declined its part of a quote, with the reason.',
  z.object({ number: Text, role: BillTo, reason: Text }),
);
export const QuoteExpiredEvent = defineEvent(
  'quote.expired',
  'A sent quote passed its validity without all signatures.',
  z.object({ number: Text }),
);
export const QuoteRenewedEvent = defineEvent(
  'quote.renewed',
  'An expired quote was renewed as a new version.',
  z.object({ number: Text, version: Version }),
);

export const QUOTE_EVENTS = [
  QuoteCreatedEvent,
  QuoteRevisedEvent,
  QuoteSentEvent,
  QuotePartSignedEvent,
  QuoteSignedEvent,
  QuoteDeclinedEvent,
  QuoteExpiredEvent,
  QuoteRenewedEvent,
] as const;
