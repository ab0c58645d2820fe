export const userMenuTriggerClass =
  'max-w-28 sm:max-w-40 truncate rounded-md px-2 py-1 text-sm font-medium whitespace-nowrap hover:bg-surface min-h-6';

/** The placeholder TopNav shows until the menu's code (Radix and its positioning) has loaded. */
export function UserMenuTrigger({
  userName,
  label,
  onClick,
}: {
  userName: string;
  label: string;
  onClick?: () => void;
}) {
  return (
    <button type="button" className={userMenuTriggerClass} aria-label={label} aria-haspopup="menu" onClick={onClick}>
      {userName} <span aria-hidden="true">▾</span>
    </button>
  );
}
