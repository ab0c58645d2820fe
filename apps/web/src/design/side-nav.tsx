import { clsx } from 'clsx';
import { NavLink } from 'react-router';

export type NavItem = { to: string; label: string; end?: boolean };

/** The portal's main navigation; NavLink sets aria-current="page" on the active item. */
export function SideNav({ label, items }: { label: string; items: NavItem[] }) {
  return (
    <nav aria-label={label} className="flex flex-col gap-1 p-3">
      {items.map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          end={item.end ?? false}
          className={({ isActive }) =>
            clsx(
              'rounded-md px-3 py-2 text-sm font-medium',
              isActive ? 'bg-brand-50 text-brand-800' : 'text-ink-muted hover:bg-surface hover:text-ink',
            )
          }
        >
          {item.label}
        </NavLink>
      ))}
    </nav>
  );
}
