import { Select as RadixSelect } from 'radix-ui';
import { clsx } from 'clsx';
import { useId } from 'react';

export type SelectOption = { value: string; label: string };

export type SelectProps = {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: SelectOption[];
  hideLabel?: boolean;
  className?: string;
};

/** A labelled listbox (Radix Select): keyboard navigation and type-ahead come with it. */
export function Select({ label, value, onValueChange, options, hideLabel, className }: SelectProps) {
  const id = useId();
  return (
    <div className={clsx('flex items-center gap-2', className)}>
      <label id={`${id}-label`} htmlFor={id} className={clsx('text-sm text-ink-muted', hideLabel && 'sr-only')}>
        {label}
      </label>
      <RadixSelect.Root value={value} onValueChange={onValueChange}>
        <RadixSelect.Trigger
          id={id}
          aria-label={label}
          className="inline-flex h-8 min-w-16 items-center justify-between gap-2 rounded-md border border-line bg-panel px-2 text-sm"
        >
          <RadixSelect.Value />
          <RadixSelect.Icon aria-hidden="true">▾</RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content
            position="popper"
            sideOffset={4}
            className="z-50 rounded-md border border-line bg-panel p-1 shadow-lg"
          >
            <RadixSelect.Viewport>
              {options.map((o) => (
                <RadixSelect.Item
                  key={o.value}
                  value={o.value}
                  className="cursor-pointer rounded px-2 py-1 text-sm outline-none data-[highlighted]:bg-brand-50 data-[state=checked]:font-semibold"
                >
                  <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </div>
  );
}
