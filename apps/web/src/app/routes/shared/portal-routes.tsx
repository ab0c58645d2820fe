import { Suspense, type ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import type { NavItem } from '../../../design/side-nav';
import type { Role } from '../../../features/auth/api/session-schema';
import type { MessageKey } from '../../../lib/i18n/i18n';
import { pagesFor, type PortalPage } from '../portal-pages';
import { NotFound } from './not-found';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';

/** A portal's page list as the web app reads it: a menu entry's label must be a known text. */
type WebPage = PortalPage & { label?: MessageKey };

/** The side menu of `role`: its `menu` pages, in their order. */
export function menuFor(pages: readonly WebPage[], role: Role, t: (key: MessageKey) => string): NavItem[] {
  return pagesFor(pages, role).flatMap((p) =>
    p.reach === 'menu' ? [{ to: p.path, label: t(p.label), end: p.end ?? false }] : [],
  );
}

/** Whether `role` may open the page at `path` (a button leading there is shown only then). */
export function mayOpen(pages: readonly PortalPage[], role: Role, path: string): boolean {
  return pagesFor(pages, role).some((p) => p.path === path);
}

/**
 * The routes of a portal mounted at `base` (`/ops/*`): every page of the list, each with its element
 * for the roles that may open it and "not found" for the others, so that `/ops/leads/new` is not
 * found for a planner instead of matching the lead with id "new".
 */
export function PortalRoutes<P extends PortalPage>({
  base,
  pages,
  role,
  elements,
}: {
  base: string;
  pages: readonly P[];
  role: Role;
  elements: Record<P['path'], ReactElement>;
}) {
  const { t } = useI18n();
  return (
    <Routes>
      {pages.map((p) => {
        // A page may be a lazy chunk of its own (a portal's less used pages): it loads behind a spinner.
        const element = p.roles.includes(role) ? (
          <Suspense fallback={<Spinner label={t('common.loading')} />}>{elements[p.path as P['path']]}</Suspense>
        ) : (
          <NotFound />
        );
        return p.path === base ? (
          <Route key={p.path} index element={element} />
        ) : (
          <Route key={p.path} path={p.path.slice(base.length + 1)} element={element} />
        );
      })}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
