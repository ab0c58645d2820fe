import { useId, useState } from 'react';
import { useDebouncedValue } from '../../../design/use-debounced-value';
import { useI18n } from '../../../lib/i18n/i18n';
import { usePartnerOptions } from '../api/partner-options';

/** Search a partner by name and pick one from the matches (a native select: keyboard and screen readers work). */
export function PartnerPicker({
  value,
  onChange,
  selectedName,
}: {
  value: string | undefined;
  onChange: (partnerId: string | undefined) => void;
  /** The chosen partner's name when it came from elsewhere (a link) and may not be among the matches. */
  selectedName?: string | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 250);
  const options = usePartnerOptions(q);
  const items = options.data?.items ?? [];
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-q`} className="text-sm font-medium text-ink">
          {t('partnerPicker.search')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="h-10 rounded-md border border-line bg-panel px-3 text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-p`} className="text-sm font-medium text-ink">
          {t('partnerPicker.partner')}
        </label>
        <select
          id={`${id}-p`}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
          className="h-10 max-w-xs rounded-md border border-line bg-panel px-2 text-sm"
        >
          <option value="">{t('partnerPicker.choose', { count: options.data?.total ?? 0 })}</option>
          {value && !items.some((p) => p.id === value) ? <option value={value}>{selectedName ?? '…'}</option> : null}
          {items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
