import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Combobox } from '../../../design/combobox';
import { useDebouncedValue } from '../../../design/use-debounced-value';
import { useI18n } from '../../../lib/i18n/i18n';
import { getCustomer } from '../api/get-customer';
import { listCustomers } from '../api/list-customers';

const PAGE = 8;

/**
 * Pick a customer by name, postcode or e-mail (a search over GET /api/customers) instead of typing an id.
 * A customer given by id (a link from the customer or lead page) shows with its name.
 */
export function CustomerPicker({
  value,
  onChange,
  required,
}: {
  value: string;
  onChange: (id: string) => void;
  required?: boolean;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [chosenLabel, setChosenLabel] = useState<{ id: string; label: string } | null>(null);
  const q = useDebouncedValue(query.trim(), 250);
  const found = useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: ({ signal }) => listCustomers({ page: 1, pageSize: PAGE, sort: 'name', ...(q ? { q } : {}) }, signal),
    staleTime: 30_000,
  });
  const known = chosenLabel?.id === value ? chosenLabel.label : null;
  const given = useQuery({
    queryKey: ['customers', 'detail', value],
    queryFn: ({ signal }) => getCustomer(value, signal),
    enabled: value !== '' && known === null,
  });
  const selectedLabel = value ? (known ?? given.data?.name ?? '…') : '';
  const items = found.data?.items ?? [];
  return (
    <Combobox
      label={t('picker.customer')}
      value={value}
      selectedLabel={selectedLabel}
      query={query}
      onQueryChange={setQuery}
      loading={found.isFetching}
      required={required}
      placeholder={t('customers.search')}
      emptyText={t('picker.noneFound')}
      options={items.map((c) => ({
        value: c.id,
        label: `${c.name} · ${c.number}`,
        detail: [c.email, [c.postcode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(' · '),
      }))}
      footer={(found.data?.total ?? 0) > items.length ? t('picker.more', { total: found.data!.total }) : undefined}
      onChange={(o) => {
        setChosenLabel(o ? { id: o.value, label: o.label } : null);
        onChange(o?.value ?? '');
      }}
    />
  );
}
