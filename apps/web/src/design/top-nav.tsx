import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n';
import { LanguageSwitch } from './language-switch';

export type TopNavProps = {
  title: string;
  userName: string;
  userDetail?: string | undefined;
  onLogout: () => void;
  /** Left of the title, e.g. a menu button on narrow screens. */
  start?: ReactNode;
};

/** Brand, portal name, language switch and the user menu (with logout). */
export function TopNav({ title, userName, userDetail, onLogout, start }: TopNavProps) {
  const { t, locale, setLocale } = useI18n();
  return (
    <header className="flex h-14 items-center justify-between gap-3 border-b border-line bg-panel px-4">
      <div className="flex items-center gap-3">
        {start}
        <span className="font-bold text-brand-700">ChargeCars</span>
        <span className="hidden text-sm text-ink-muted sm:inline">{title}</span>
      </div>
      <div className="flex items-center gap-2">
        <LanguageSwitch />
        <DropdownMenu.Root>
          <DropdownMenu.Trigger
            className="max-w-40 truncate rounded-md px-2 py-1 text-sm font-medium whitespace-nowrap hover:bg-surface"
            aria-label={t('nav.userMenu', { name: userName })}
          >
            {userName} <span aria-hidden="true">▾</span>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              align="end"
              sideOffset={4}
              className="z-50 min-w-48 rounded-md border border-line bg-panel p-1 shadow-lg"
            >
              {userDetail ? (
                <DropdownMenu.Label className="px-2 py-1 text-xs text-ink-subtle">{userDetail}</DropdownMenu.Label>
              ) : null}
              <DropdownMenu.RadioGroup value={locale} onValueChange={(v) => setLocale(v === 'en' ? 'en' : 'nl-NL')}>
                <DropdownMenu.RadioItem
                  value="nl-NL"
                  className="cursor-pointer rounded px-2 py-1 text-sm outline-none data-[highlighted]:bg-brand-50 data-[state=checked]:font-semibold"
                >
                  Nederlands
                </DropdownMenu.RadioItem>
                <DropdownMenu.RadioItem
                  value="en"
                  className="cursor-pointer rounded px-2 py-1 text-sm outline-none data-[highlighted]:bg-brand-50 data-[state=checked]:font-semibold"
                >
                  English
                </DropdownMenu.RadioItem>
              </DropdownMenu.RadioGroup>
              <DropdownMenu.Separator className="my-1 h-px bg-line" />
              <DropdownMenu.Item
                onSelect={onLogout}
                className="cursor-pointer rounded px-2 py-1 text-sm text-danger-700 outline-none data-[highlighted]:bg-danger-50"
              >
                {t('nav.logout')}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </header>
  );
}
