import { lazy, Suspense, useEffect, useState } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { clsx } from 'clsx';
import { useI18n } from '../../../lib/i18n/i18n';
import { fieldDb } from '../store/field-db';
import { onSyncState, startSyncLoop, type SyncState } from '../store/sync-engine';
import { useLive } from '../store/use-live';
import { useOnline } from '../store/use-online';
import { DayView } from './day-view';

// The visit screens and the side tabs load when opened (and are precached for offline use), keeping the
// day view's first load small.
const VisitExecution = lazy(() => import('./visit-execution').then((m) => ({ default: m.VisitExecution })));
const StockTab = lazy(() => import('./side-tabs').then((m) => ({ default: m.StockTab })));
const QualityTab = lazy(() => import('./quality-tab').then((m) => ({ default: m.QualityTab })));
const ProfileTab = lazy(() => import('./side-tabs').then((m) => ({ default: m.ProfileTab })));

const TABS = [
  { to: '/technician', label: 'field.tab.planning', end: true },
  { to: '/technician/voorraad', label: 'field.tab.stock', end: false },
  { to: '/technician/kwaliteit', label: 'field.tab.quality', end: false },
  { to: '/technician/profiel', label: 'field.tab.profile', end: false },
] as const;

/** The technician app: a phone shell with four tabs over the local store, draining its queue in the background. */
export function FieldApp({
  name,
  teamName,
  onLogout,
}: {
  name: string;
  teamName: string | null;
  onLogout: () => Promise<void>;
}) {
  const { t } = useI18n();
  const online = useOnline();
  const pending = useLive(() => fieldDb.outbox.count(), 'pending') ?? 0;
  const [sync, setSync] = useState<SyncState | null>(null);
  useEffect(() => startSyncLoop(), []);
  useEffect(() => onSyncState(setSync), []);
  useEffect(() => {
    // The service worker keeps the app shell for offline use; registered here, so only technicians install it.
    if ('serviceWorker' in navigator && import.meta.env.PROD)
      void navigator.serviceWorker.register('/field-sw.js', { scope: '/' }).catch(() => undefined);
  }, []);
  // A new screen moves focus to its content, as the portals do (a keyboard or screen reader user hears where they are).
  const { pathname } = useLocation();
  const [firstPath] = useState(pathname);
  useEffect(() => {
    if (pathname !== firstPath) document.getElementById('main')?.focus();
  }, [pathname, firstPath]);
  if (sync?.revoked)
    return (
      <main id="main" tabIndex={-1} className="mx-auto max-w-md p-6">
        <p role="alert" className="rounded-md bg-danger-50 p-4">
          {t('field.revoked')}
        </p>
        <a href="/login" className="mt-4 block text-brand-700 underline">
          /login
        </a>
      </main>
    );
  return (
    <div className="mx-auto flex min-h-dvh max-w-xl flex-col bg-surface">
      <header className="sticky top-0 z-10 bg-brand-700 px-4 py-3 text-white">
        <p className="font-semibold">{teamName ?? name}</p>
        <p className="text-sm" role="status" data-testid="sync-status">
          {!online ? t('field.offline') : pending ? t('field.pending', { count: pending }) : t('field.synced')}
        </p>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-4 outline-none">
        <Suspense fallback={null}>
          <Routes>
            <Route index element={<DayView />} />
            <Route path="visits/:id" element={<VisitExecution />} />
            <Route path="voorraad" element={<StockTab />} />
            <Route path="kwaliteit" element={<QualityTab />} />
            <Route path="profiel" element={<ProfileTab name={name} teamName={teamName} onLogout={onLogout} />} />
          </Routes>
        </Suspense>
      </main>
      <nav className="sticky bottom-0 grid grid-cols-4 border-t border-line bg-panel" aria-label="Monteur">
        {TABS.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.end}
            className={({ isActive }) =>
              clsx(
                'flex h-16 items-center justify-center text-sm font-medium',
                isActive ? 'text-brand-700' : 'text-ink-muted',
              )
            }
          >
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
