import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Combobox } from '../../../design/combobox';
import { useDebouncedValue } from '../../../design/use-debounced-value';
import { request } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { getPartnerEndpoint } from '../api/get-partner';
import { listPartnersEndpoint } from '../api/list-partners';

const PAGE = 8;

/**
 * Pick a partner by name, number or e-mail (a search over GET /api/partners) instead of typing an id.
 * Empty means "none named": the caller says what that means (for a quote: the partner that brought the customer).
 */
export function PartnerPicker({
  value,
  onChange,
  hint,
}: {
  value: string;
  onChange: (id: string) => void;
  hint?: string;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [chosenLabel, setChosenLabel] = useState<{ id: string; label: string } | null>(null);
  const q = useDebouncedValue(query.trim(), 250);
  const found = useQuery({
    queryKey: ['partners', 'picker', q],
    queryFn: ({ signal }) =>
      request(listPartnersEndpoint, { query: { page: 1, pageSize: PAGE, sort: 'name', ...(q ? { q } : {}) }, signal }),
    staleTime: 30_000,
  });
  const known = chosenLabel?.id === value ? chosenLabel.label : null;
  const given = useQuery({
    queryKey: ['partners', 'detail', value],
    queryFn: ({ signal }) => request(getPartnerEndpoint, { params: { id: value }, signal }),
    enabled: value !== '' && known === null,
  });
  const selectedLabel = value ? (known ?? given.data?.name ?? '…') : '';
  const items = found.data?.items ?? [];
  return (
    <Combobox
      label={t('picker.partner')}
      value={value}
      selectedLabel={selectedLabel}
      query={query}
      onQueryChange={setQuery}
      loading={found.isFetching}
      placeholder={t('partners.search')}
      emptyText={t('picker.noneFound')}
      {...(hint ? { hint } : {})}
      options={items.map((p) => ({ value: p.id, label: `${p.name} · ${p.number}`, detail: p.email }))}
      footer={(found.data?.total ?? 0) > items.length ? t('picker.more', { total: found.data!.total }) : undefined}
      onChange={(o) => {
        setChosenLabel(o ? { id: o.value, label: o.label } : null);
        onChange(o?.value ?? '');
      }}
    />
  );
}
