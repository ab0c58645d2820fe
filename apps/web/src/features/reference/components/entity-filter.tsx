import { Select } from '../../../design/select';
import { useI18n } from '../../../lib/i18n/i18n';
import { useEntities } from '../api/list-entities';

const ALL = 'all';

/** Narrows a list to one business entity (ChargeCars, LaderThuis.nl, ...). Hidden until the entities are known. */
export function EntityFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (entity: string | undefined) => void;
}) {
  const { t } = useI18n();
  const entities = useEntities();
  if (!entities.data?.length) return null;
  return (
    <Select
      label={t('filter.entity')}
      value={value ?? ALL}
      onValueChange={(v) => onChange(v === ALL ? undefined : v)}
      options={[{ value: ALL, label: t('filter.allEntities') }, ...entities.data]}
    />
  );
}
