import { z } from 'zod';
import { Text } from '../common.ts';
import { defineEvent } from './define-event.ts';

export const PartnerUpdatedEvent = defineEvent(
  'partner.updated',
  "A partner's VAT number changed, and with it whether its lines are reverse charge.",
  z.object({ vatNumber: Text.nullable(), reverseCharge: z.boolean() }),
);

export const PARTNER_EVENTS = [PartnerUpdatedEvent] as const;
