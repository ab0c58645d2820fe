import { z } from 'zod';
import { Text, Uuid } from '../common.ts';
import { defineEvent } from './define-event.ts';

export const WebhookEndpointDisabledEvent = defineEvent(
  'webhook_endpoint.disabled',
  'A webhook endpoint was disabled after failing for too long.',
  z.object({ endpointId: Uuid, url: Text, reason: Text }),
);

export const INTEGRATION_EVENTS = [WebhookEndpointDisabledEvent] as const;
