import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { getSession } from '../features/auth/api/get-session';
import { loginPathFrom } from '../features/auth/api/landing';
import { sessionQueryKey } from '../features/auth/api/session-schema';
import { onCsrfRejected, onUnauthorized } from '../lib/http/http-client';
import { HomeRedirect } from './routes/shared/home-redirect';
import { NotFound } from './routes/shared/not-found';
import { RouteError } from './routes/shared/route-error';

/**
 * Every portal is a lazy route: an operations user never downloads the technician app and
 * a customer never downloads the ops tables. Each portal module exports `Component` and
 * holds its own nested routes.
 */
export function createAppRouter(queryClient: QueryClient) {
  const router = createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: '/', element: <HomeRedirect /> },
        { path: '/login', lazy: () => import('./routes/login/login-page') },
        { path: '/login/link', lazy: () => import('./routes/login/magic-link-page') },
        { path: '/ops/*', lazy: () => import('./routes/ops/ops-portal') },
        { path: '/technician/*', lazy: () => import('./routes/technician/technician-portal') },
        { path: '/partner/*', lazy: () => import('./routes/partner/partner-portal') },
        { path: '/customer/*', lazy: () => import('./routes/customer/customer-portal') },
        { path: '/sign/:token', lazy: () => import('./routes/signing/signing-route') },
        { path: '/intake/:token', lazy: () => import('./routes/intake/intake-page') },
        { path: '/survey/:token', lazy: () => import('./routes/survey/survey-page') },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);

  // A 401 anywhere means the session expired or was revoked: forget it and ask to log in.
  onUnauthorized(() => {
    queryClient.setQueryData(sessionQueryKey, null);
    if (!router.state.location.pathname.startsWith('/login'))
      void router.navigate(loginPathFrom(router.state.location));
  });

  // getSession stores the fresh token in the http client as a side effect.
  onCsrfRejected(async () => {
    queryClient.setQueryData(sessionQueryKey, await getSession());
  });

  return router;
}
