import type { Role as ContractRole, SessionResponse, SessionUser } from '@chargecars/contract';
import type { z } from 'zod';

export type Role = ContractRole;
export type User = z.infer<typeof SessionUser>;
export type Session = z.infer<typeof SessionResponse>;

/** The query key of the current session; login, consume and logout write it directly. */
export const sessionQueryKey = ['auth', 'session'] as const;
