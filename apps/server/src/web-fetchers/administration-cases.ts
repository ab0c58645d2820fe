import { type Cases, as, call, logIn, loginOf, sessionOf } from './harness.ts';

/** Backups, and signing out: each endpoint called as the web calls it. */
export const administrationCases: Cases = {
  'POST /api/admin/backups': async () => [await call(as.admin!, 'POST', '/api/admin/backups')],
  'GET /api/admin/backups': async () => [await call(as.admin!, 'GET', '/api/admin/backups')],
  'POST /api/auth/logout': async () => [
    await call(
      sessionOf(await logIn(loginOf('planner').email, loginOf('planner').password!)),
      'POST',
      '/api/auth/logout',
    ),
  ],
};
