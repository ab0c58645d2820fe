import { DropdownMenu } from 'radix-ui';
import { useI18n } from '../lib/i18n/i18n';

export type UserMenuProps = {
  userName: string;
  userDetail?: string | undefined;
  onLogout: () => void;
  /** Opened at once: the person clicked the placeholder before this file arrived. */
  defaultOpen?: boolean;
};

import { UserMenuLabel, userMenuTriggerClass as triggerClass } from './user-menu-trigger';

/** The user's name with their role, the language and logout. */
export default function UserMenu({ userName, userDetail, onLogout, defaultOpen }: UserMenuProps) {
  const { t, locale, setLocale } = useI18n();
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen ?? false}>
      <DropdownMenu.Trigger className={triggerClass} aria-label={t('nav.userMenu', { name: userName })}>
        <UserMenuLabel userName={userName} />
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
  );
}
