// The name shortens with an ellipsis on a phone; the ▾ that says it opens a menu stays in view.
export const userMenuTriggerClass =
  'inline-flex max-w-20 items-center gap-1 sm:max-w-44 rounded-md px-2 py-1 text-sm font-medium whitespace-nowrap hover:bg-surface min-h-6';

/** What the trigger shows: the name, cut short when it must be, and the ▾. */
export function UserMenuLabel({ userName }: { userName: string }) {
  return (
    <>
      <span className="min-w-0 truncate">{userName}</span>
      <span aria-hidden="true">▾</span>
    </>
  );
}

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
      <UserMenuLabel userName={userName} />
    </button>
  );
}
