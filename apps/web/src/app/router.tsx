import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Spinner } from '../design/status-message';
import { getSession } from '../features/auth/api/get-session';
import { loginPathFrom } from '../features/auth/api/landing';
import { sessionQueryKey } from '../features/auth/api/session-schema';
import { onCsrfRejected, onUnauthorized } from '../lib/http/http-client';
import { useI18n } from '../lib/i18n/i18n';
import { HomeRedirect } from './routes/shared/home-redirect';
import { NotFound } from './routes/shared/not-found';
import { RouteErrorBoundary } from './routes/shared/route-error';

/** A portal's module, loaded when first opened; each exports `Component` and holds its own nested routes. */
const portal = (load: () => Promise<{ Component: ComponentType }>) =>
  lazy(() => load().then((module) => ({ default: module.Component })));

// Every portal is a lazy module: an operations user never downloads the technician app and a customer
// never downloads the ops tables. The server announces the opened portal's files in the page
// (modulepreload, apps/server/src/platform/http/portal-preloads.ts), so they arrive with the entry.
// Declarative routes, not a data router: nothing here loads data through the router, and the data
// router's code is some 15 KB (compressed) that every phone would download first (issue 16).
const LoginPage = portal(() => import('./routes/login/login-page'));
const MagicLinkPage = portal(() => import('./routes/login/magic-link-page'));
const OpsPortal = portal(() => import('./routes/ops/ops-portal'));
const TechnicianPortal = portal(() => import('./routes/technician/technician-portal'));
const PartnerPortal = portal(() => import('./routes/partner/partner-portal'));
const CustomerPortal = portal(() => import('./routes/customer/customer-portal'));
const SigningPage = portal(() => import('./routes/signing/signing-route'));
const IntakePage = portal(() => import('./routes/intake/intake-page'));
const SurveyPage = portal(() => import('./routes/survey/survey-page'));

export function AppRoutes() {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <RouteErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<Spinner label={t('common.loading')} />}>
        <Routes>
          <Route path="/" element={<HomeRedirect />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/login/link" element={<MagicLinkPage />} />
          <Route path="/ops/*" element={<OpsPortal />} />
          <Route path="/technician/*" element={<TechnicianPortal />} />
          <Route path="/partner/*" element={<PartnerPortal />} />
          <Route path="/customer/*" element={<CustomerPortal />} />
          <Route path="/sign/:token" element={<SigningPage />} />
          <Route path="/intake/:token" element={<IntakePage />} />
          <Route path="/survey/:token" element={<SurveyPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </RouteErrorBoundary>
  );
}

/** What the http client does when the server ends the session or refuses the CSRF token. */
function SessionGuards({ queryClient }: { queryClient: QueryClient }) {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  here.current = location;
  useEffect(() => {
    // A 401 anywhere means the session expired or was revoked: forget it and ask to log in.
    onUnauthorized(() => {
      queryClient.setQueryData(sessionQueryKey, null);
      if (!here.current.pathname.startsWith('/login')) void navigate(loginPathFrom(here.current));
    });
    // getSession stores the fresh token in the http client as a side effect.
    onCsrfRejected(async () => {
      queryClient.setQueryData(sessionQueryKey, await getSession());
    });
    return () => {
      onUnauthorized(null);
      onCsrfRejected(null);
    };
  }, [navigate, queryClient]);
  return null;
}

export function AppRouter({ queryClient }: { queryClient: QueryClient }) {
  return (
    <BrowserRouter>
      <SessionGuards queryClient={queryClient} />
      <AppRoutes />
    </BrowserRouter>
  );
}
