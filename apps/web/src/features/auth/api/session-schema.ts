import { z } from 'zod/mini';

export const roleSchema = z.enum(['admin', 'operations', 'planner', 'technician', 'partner', 'customer']);
export type Role = z.infer<typeof roleSchema>;

// docs/api-foundation.md, Auth: `user`.
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  locale: z.nullish(z.string()),
  partnerId: z.nullish(z.string()),
  partnerName: z.nullish(z.string()),
  teamId: z.nullish(z.string()),
  teamName: z.nullish(z.string()),
  customerId: z.nullish(z.string()),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

/** The query key of the current session; login, consume and logout write it directly. */
export const sessionQueryKey = ['auth', 'session'] as const;
