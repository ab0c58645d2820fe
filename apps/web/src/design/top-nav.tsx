import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n';
import { LanguageSwitch } from './language-switch';
import { UserMenuTrigger } from './user-menu-trigger';

// Radix's menu and its positioning are a fifth of a portal's first download; the page shows without them.
const UserMenu = lazy(() => import('./user-menu'));

export type TopNavProps = {
  title: string;
  userName: string;
  userDetail?: string | undefined;
  onLogout: () => void;
  /** Left of the title, e.g. a menu button on narrow screens. */
  start?: ReactNode;
  /** Right, before the language switch, e.g. the notification bell. */
  end?: ReactNode;
};

/** Brand, portal name, language switch and the user menu (with logout). */
export function TopNav({ title, userName, userDetail, onLogout, start, end }: TopNavProps) {
  const { t } = useI18n();
  const [openWhenLoaded, setOpenWhenLoaded] = useState(false);
  const label = t('nav.userMenu', { name: userName });
  return (
    <header className="flex h-14 items-center justify-between gap-2 border-b border-line bg-panel px-3 sm:gap-3 sm:px-4">
      <div className="flex items-center gap-2 sm:gap-3">
        {start}
        <span className="font-bold text-brand-700">ChargeCars</span>
        <span className="hidden text-sm text-ink-muted sm:inline">{title}</span>
      </div>
      {/* Narrower gaps and a shorter name on a phone: with the bell and the switch reading "Nederlands"
          (in English), the right-hand group must still fit 390 px. */}
      <div className="flex items-center gap-1 sm:gap-2">
        {end}
        <LanguageSwitch />
        <Suspense
          fallback={<UserMenuTrigger userName={userName} label={label} onClick={() => setOpenWhenLoaded(true)} />}
        >
          <UserMenu userName={userName} userDetail={userDetail} onLogout={onLogout} defaultOpen={openWhenLoaded} />
        </Suspense>
      </div>
    </header>
  );
}
