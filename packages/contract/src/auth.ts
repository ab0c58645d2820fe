import { z } from 'zod';
import { Role, Text } from './common.ts';

export const LoginRequest = z.object({
  email: Text.trim().email().max(254),
  password: Text.min(1).max(1024),
});

export const SessionUser = z
  .object({
    id: Text,
    email: Text,
    name: Text,
    role: Role,
    locale: z.enum(['nl', 'en']),
    partnerId: Text.nullable(),
    partnerName: Text.nullable(),
    teamId: Text.nullable(),
    teamName: Text.nullable(),
    customerId: Text.nullable(),
  })
  .meta({ id: 'SessionUser' });

export const SessionResponse = z.object({ user: SessionUser, csrfToken: Text });
export const MagicLinkRequest = z.object({ email: Text.trim().email().max(254) });
/** The same answer whether or not the address is a customer's. */
export const MagicLinkSent = z.object({ status: z.literal('sent') });
export const MagicLinkConsume = z.object({ token: Text.min(20).max(200) });
