import { z } from 'zod';
import { Role } from './common.ts';

export const LoginRequest = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(1024),
});

export const SessionUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    locale: z.enum(['nl', 'en']),
    partnerId: z.string().nullable(),
    partnerName: z.string().nullable(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    customerId: z.string().nullable(),
  })
  .meta({ id: 'SessionUser' });

export const SessionResponse = z.object({ user: SessionUser, csrfToken: z.string() });
export const MagicLinkRequest = z.object({ email: z.string().trim().email().max(254) });
export const MagicLinkConsume = z.object({ token: z.string().min(20).max(200) });
