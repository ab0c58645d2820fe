import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'operations', 'planner', 'technician', 'partner', 'customer']);
export type Role = z.infer<typeof roleSchema>;

// docs/api-foundation.md, Auth: `user`.
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  locale: z.string().nullish(),
  partnerId: z.string().nullish(),
  partnerName: z.string().nullish(),
  teamId: z.string().nullish(),
  teamName: z.string().nullish(),
  customerId: z.string().nullish(),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

/** The query key of the current session; login, consume and logout write it directly. */
export const sessionQueryKey = ['auth', 'session'] as const;
