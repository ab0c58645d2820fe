import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { addDays, amsterdamDay } from '../../../lib/format/date';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useIssueMonthlyInvoice } from '../api/invoice-actions';
import { useEntities } from '../../reference/api/list-entities';
import { PartnerPicker } from './partner-picker';

type Made = { id: string; number: string; totalCents: number; label: string };
const ALL = 'all';

/**
 * The monthly partner invoice: one invoice per partner agreement (partner and brand) of the month's
 * partner lines no invoice holds yet. Shows each invoice it made, or why there was nothing to invoice.
 */
export function MonthlyInvoiceForm({ invoiceHref }: { invoiceHref: (id: string) => string }) {
  const { t, formatCents, formatMonth } = useI18n();
  const entities = useEntities();
  const issue = useIssueMonthlyInvoice();
  const lastMonth = addDays(`${amsterdamDay().slice(0, 7)}-01`, -1).slice(0, 7);
  const [partnerId, setPartnerId] = useState<string | undefined>();
  const [entityId, setEntityId] = useState(ALL);
  const [month, setMonth] = useState(lastMonth);
  const [made, setMade] = useState<Made[]>([]);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [running, setRunning] = useState(false);

  // One brand, or each in turn: a partner may have an agreement with several; each answers for itself.
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!partnerId) return setRefusals([t('monthly.pickPartner')]);
    const all = entities.data ?? [];
    const targets = entityId === ALL ? all : all.filter((e) => e.value === entityId);
    setRunning(true);
    const newRefusals: string[] = [];
    const newMade: Made[] = [];
    for (const entity of targets) {
      try {
        const invoice = await issue.mutateAsync({ partnerId, entityId: entity.value, month });
        newMade.push({ ...invoice, label: `${entity.label} · ${formatMonth(month)}` });
      } catch (e) {
        newRefusals.push(`${entity.label}: ${isProblem(e) ? (e.detail ?? e.title) : t('monthly.failed')}`);
      }
    }
    setRunning(false);
    setMade([...newMade, ...made]);
    setRefusals(newRefusals);
  };

  return (
    <div className="flex flex-col gap-4">
      <Card title={t('monthly.title')}>
        <p className="mb-3 text-sm text-ink-muted">{t('monthly.explain')}</p>
        <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" aria-label={t('monthly.title')}>
          <PartnerPicker value={partnerId} onChange={setPartnerId} />
          <div className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t('invoices.entity')}
              <select
                className="h-10 rounded-md border border-line bg-panel px-2 font-normal"
                value={entityId}
                onChange={(e) => setEntityId(e.target.value)}
              >
                <option value={ALL}>{t('monthly.allEntities')}</option>
                {(entities.data ?? []).map((e) => (
                  <option key={e.value} value={e.value}>
                    {e.label}
                  </option>
                ))}
              </select>
            </label>
            <Input
              label={t('commission.month')}
              type="month"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
            />
            <Button type="submit" busy={running}>
              {t('monthly.submit')}
            </Button>
          </div>
        </form>
        {refusals.length ? (
          <div className="mt-3">
            <Notice tone={made.length ? 'info' : 'error'}>
              <ul>
                {refusals.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </Notice>
          </div>
        ) : null}
      </Card>
      {made.length ? (
        <Card title={t('monthly.made')}>
          <ul className="flex flex-col gap-1 text-sm">
            {made.map((m) => (
              <li key={m.id} className="flex flex-wrap justify-between gap-2">
                <span>
                  <Link to={invoiceHref(m.id)} className="font-mono text-brand-700 hover:underline">
                    {m.number}
                  </Link>{' '}
                  · {m.label}
                </span>
                <span className="tabular-nums">{formatCents(m.totalCents)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
