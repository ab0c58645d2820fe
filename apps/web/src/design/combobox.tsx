import { clsx } from 'clsx';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export type ComboboxOption = { value: string; label: string; detail?: string | undefined };

export type ComboboxProps = {
  label: string;
  /** The chosen option's value ('' for none). */
  value: string;
  /** What the field shows for the chosen value when the user is not typing (a name, not an id). */
  selectedLabel: string;
  /** The options for what is typed now: the caller searches (a list API or a local filter). */
  options: ComboboxOption[];
  query: string;
  onQueryChange: (query: string) => void;
  onChange: (option: ComboboxOption | null) => void;
  loading?: boolean;
  placeholder?: string;
  emptyText: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  /** Shown after the list, e.g. "more results: type more". */
  footer?: ReactNode;
};

/**
 * A searchable picker following the WAI-ARIA combobox pattern (an input with a listbox popup): type to
 * search, ↓/↑ to move, Enter to choose, Escape to close. The caller owns the search, so the same field
 * serves a server-side search over thousands of customers and a filter over a price list.
 */
export function Combobox({
  label,
  value,
  selectedLabel,
  options,
  query,
  onQueryChange,
  onChange,
  loading,
  placeholder,
  emptyText,
  hint,
  required,
  disabled,
  className,
  footer,
}: ComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [typing, setTyping] = useState(false);
  const [active, setActive] = useState(0);
  const shown = typing ? query : selectedLabel;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const choose = (option: ComboboxOption) => {
    onChange(option);
    setTyping(false);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % Math.max(options.length, 1));
    } else if (e.key === 'Enter') {
      if (open && options[activeIndex]) {
        e.preventDefault();
        choose(options[activeIndex]);
      }
    } else if (e.key === 'Escape') {
      if (open) e.preventDefault();
      setOpen(false);
      setTyping(false);
    }
  };
  return (
    <div className={clsx('relative flex min-w-0 flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        type="text"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[activeIndex] ? `${id}-opt-${activeIndex}` : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-required={required || undefined}
        disabled={disabled}
        placeholder={typing && selectedLabel ? selectedLabel : placeholder}
        className="h-10 w-full min-w-0 rounded-md border border-line bg-panel px-3 text-sm text-ink placeholder:text-ink-subtle"
        value={shown}
        onChange={(e) => {
          setTyping(true);
          setOpen(true);
          setActive(0);
          onQueryChange(e.target.value);
          if (e.target.value === '' && value) onChange(null);
        }}
        onFocus={() => {
          setTyping(true);
          onQueryChange(value ? '' : query);
          setOpen(true);
        }}
        onBlur={() => {
          // A click on an option lands before the blur finishes (mousedown is prevented below).
          setOpen(false);
          setTyping(false);
        }}
        onKeyDown={onKeyDown}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!open}
        className="absolute top-full right-0 left-0 z-50 mt-1 max-h-72 overflow-y-auto rounded-md border border-line bg-panel p-1 shadow-lg"
      >
        {options.map((o, i) => (
          <li
            key={o.value}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            className={clsx(
              'cursor-pointer rounded px-2 py-1 text-sm',
              i === activeIndex && 'bg-brand-50',
              o.value === value && 'font-semibold',
            )}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(o)}
          >
            <span className="block break-words">{o.label}</span>
            {o.detail ? <span className="block text-xs break-words text-ink-subtle">{o.detail}</span> : null}
          </li>
        ))}
        {options.length === 0 ? (
          <li role="presentation" className="px-2 py-1 text-sm text-ink-muted">
            {loading ? '…' : emptyText}
          </li>
        ) : null}
        {footer ? (
          <li role="presentation" className="px-2 py-1 text-xs text-ink-subtle">
            {footer}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
