import { useState } from 'react';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Spinner } from '../../../design/status-message';
import { amsterdamDay } from '../../../lib/format/date';
import { useI18n } from '../../../lib/i18n/i18n';
import { useProfitAndLoss } from '../api/finance-reports';
import { useEntityName } from '../../reference/api/list-entities';

const ENTITIES = ['chargecars', 'laderthuis', 'meterkastthuis', 'zaptecshop', 'ratioshop'];

/** Revenue, costs of materials and labour, commissions and the result of one entity for a period. */
export function ProfitAndLossView() {
  const entityName = useEntityName();
  const { t, formatCents } = useI18n();
  const today = amsterdamDay();
  const [entityId, setEntityId] = useState(ENTITIES[0]!);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const query = useProfitAndLoss(entityId, from, to);
  const rows: [string, number, boolean?][] = query.data
    ? [
        [t('pnl.revenue'), query.data.revenueCents],
        [t('pnl.materials'), -query.data.materialsCents],
        [t('pnl.labour'), -query.data.labourCents],
        [t('pnl.margin'), query.data.grossMarginCents, true],
        [t('pnl.commissions'), -query.data.commissionsCents],
        [t('pnl.result'), query.data.resultCents, true],
      ]
    : [];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col text-sm">
          {t('pnl.entity')}
          <select
            className="h-10 rounded border border-line px-2"
            value={entityId}
            onChange={(e) => setEntityId(e.target.value)}
          >
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <Input
          label={t('pnl.from')}
          type="date"
          value={from}
          onChange={(e) => e.target.value && setFrom(e.target.value)}
        />
        <Input label={t('pnl.to')} type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
      </div>
      {query.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : (
        <Card title={`${t('pnl.title')} · ${entityName(entityId)}`}>
          <dl className="grid max-w-md grid-cols-2 gap-1 text-sm">
            {rows.map(([name, cents, bold]) => (
              <div key={name} className="contents">
                <dt className={bold ? 'font-semibold' : ''}>{name}</dt>
                <dd className={`text-right tabular-nums ${bold ? 'font-semibold' : ''}`}>{formatCents(cents)}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-ink-muted">
            {t('pnl.credited')}: {formatCents(query.data.creditedCents)}
          </p>
        </Card>
      )}
    </div>
  );
}
