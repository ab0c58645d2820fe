import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { SideNav, type NavItem } from '../../../design/side-nav';
import { TopNav } from '../../../design/top-nav';
import { useLogout } from '../../../features/auth/api/logout';
import { NotificationBell } from '../../../features/notifications/components/notification-bell';
import type { User } from '../../../features/auth/api/session-schema';
import { useI18n } from '../../../lib/i18n/i18n';
import { useLiveUpdates } from '../../use-live-updates';

/** Top bar + side navigation + content: the frame every portal shares. */
export function PortalShell({
  title,
  user,
  nav,
  children,
  narrow = false,
}: {
  title: string;
  user: User;
  nav: NavItem[];
  children: ReactNode;
  narrow?: boolean;
}) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  const [menuOpen, setMenuOpen] = useState(false);
  useLiveUpdates(true);
  useFocusOnPageChange();
  const detail = [label('role', user.role), user.teamName, user.partnerName].filter(Boolean).join(' · ');

  const menuButton =
    nav.length > 1 ? (
      <button
        type="button"
        className="rounded-md px-2 py-1 text-lg md:hidden"
        aria-expanded={menuOpen}
        aria-controls="portal-nav"
        aria-label={t('nav.menu')}
        onClick={() => setMenuOpen((o) => !o)}
      >
        ☰
      </button>
    ) : null;

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-panel focus:p-2"
      >
        {t('nav.skipToContent')}
      </a>
      <TopNav
        title={title}
        userName={user.name}
        userDetail={detail}
        start={menuButton}
        end={<NotificationBell />}
        onLogout={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
      />
      <div className="flex flex-1">
        {nav.length > 1 ? (
          <aside
            id="portal-nav"
            className={`${menuOpen ? 'block' : 'hidden'} w-56 shrink-0 border-r border-line bg-panel md:block`}
            onClick={() => setMenuOpen(false)}
          >
            <SideNav label={t('nav.main')} items={nav} />
          </aside>
        ) : null}
        <main
          id="main"
          tabIndex={-1}
          className={`flex-1 outline-none p-4 md:p-6 ${narrow ? 'mx-auto w-full max-w-5xl min-w-0' : 'min-w-0'}`}
        >
          {children}
        </main>
      </div>
    </div>
  );
}

/**
 * After a page change inside the portal, focus moves to the main part, which starts with the new page's
 * heading, so keyboard and screen-reader users land on the new page instead of staying on the menu link.
 * The main element, not the heading: it outlives the page's loading states, a heading may be replaced
 * when its data arrives. Not on the first load: the browser starts at the top then.
 */
function useFocusOnPageChange() {
  // The key, not the path: following a link to the page one is on is a page change to the person too.
  const { key } = useLocation();
  useEffect(() => {
    // The document's first page keeps the browser's own start; after that, every page change (also
    // one that mounts the shell anew, behind a lazy page's loading state) moves focus.
    if (!pageChanged) {
      pageChanged = true;
      return;
    }
    const main = () => document.getElementById('main');
    main()?.focus({ preventScroll: false });
    // A page whose first render is replaced (its loading state by its content) can drop focus to the
    // body on the next frame; take it back then, unless the person has moved it somewhere themselves.
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === document.body) main()?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [key]);
}

/** Set once the first page of this document has shown; module state, so a remounted shell still knows. */
let pageChanged = false;
