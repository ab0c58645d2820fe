import { z } from 'zod';
import { Cents, Text, Uuid } from '../common.ts';
import { OrderStage } from '../orders.ts';
import { defineEvent } from './define-event.ts';

export const OrderCreatedEvent = defineEvent(
  'order.created',
  'An order was made: from a signed quote (quoteNumber) or placed by a partner through the API (partnerReference, totalCents).',
  z.object({
    orderId: Uuid,
    number: Text,
    quoteNumber: Text.nullable(),
    partnerReference: Text.nullable(),
    // Only for an order the partner placed, whose lines are all its own; a quote's order has two parts.
    totalCents: Cents.nullable(),
  }),
);
export const OrderStageChangedEvent = defineEvent(
  'order.stage_changed',
  'An order moved from one stage to another.',
  z.object({ number: Text, from: OrderStage, to: OrderStage }),
);
export const OrderCompletedEvent = defineEvent(
  'order.completed',
  'An order reached the stage completed.',
  z.object({ number: Text }),
);

export const ORDER_EVENTS = [OrderCreatedEvent, OrderStageChangedEvent, OrderCompletedEvent] as const;
