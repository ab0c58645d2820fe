import { type ReactNode, useRef, useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { PageHeader } from '../../../design/page-header';
import { Notice, Spinner } from '../../../design/status-message';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { type StockCountDetail, usePostStockCount, useRecordStockCount, useStockCount } from '../api/counts';
import { StockTable } from './stock-table';

type Line = StockCountDetail['lines'][number];

/**
 * One count: scan serials (a scanner types the code and Enter; each scan is saved at once and the field
 * is selected for the next), enter counted quantities, then post the variance. A serial not scanned
 * counts as not found.
 */
export function StockCountView({ id, above }: { id: string; above: (c: StockCountDetail) => ReactNode }) {
  const { t, label, formatDateTime } = useI18n();
  const count = useStockCount(id);
  const record = useRecordStockCount(id);
  const post = usePostStockCount(id);
  const [scan, setScan] = useState('');
  const [lastScan, setLastScan] = useState('');
  const [entries, setEntries] = useState<Record<string, string>>({});
  const scanInput = useRef<HTMLInputElement>(null);
  if (count.error) return <ErrorNotice error={count.error} notFound={t('inventory.counts.notFound')} />;
  if (!count.data) return <Spinner label={t('common.loading')} />;
  const c = count.data;
  const open = c.status === 'open';
  const typed = c.lines.flatMap((l) => {
    const v = entries[l.id];
    return v !== undefined && v !== '' && Number.isInteger(Number(v)) ? [{ lineId: l.id, counted: Number(v) }] : [];
  });
  const problem = [record.error, post.error].find(Boolean);
  const saveThenPost = () =>
    (typed.length ? record.mutateAsync({ lines: typed }) : Promise.resolve(c)).then(
      () => post.mutate(),
      () => undefined,
    );
  const countedCell = (l: Line) => {
    if (!open || l.tracking === 'serial')
      return l.tracking === 'serial' && open
        ? l.counted
          ? t('inventory.counts.scanned')
          : t('inventory.counts.notScanned')
        : (l.counted ?? '—');
    return (
      <Input
        label={t('inventory.counts.countedOf', { sku: l.sku, lot: l.lot })}
        hideLabel
        type="number"
        min={0}
        inputMode="numeric"
        value={entries[l.id] ?? (l.counted === null ? '' : String(l.counted))}
        onChange={(e) => setEntries((all) => ({ ...all, [l.id]: e.target.value }))}
        className="w-24"
      />
    );
  };
  return (
    <>
      {above(c)}
      <PageHeader
        title={`${t('inventory.counts.one')} ${c.number}`}
        subtitle={`${c.location.code} · ${c.location.name} · ${label('inventory.counts.statusOf', c.status)} · ${formatDateTime(c.postedAt ?? c.startedAt)}`}
      />
      <div className="flex flex-col gap-4">
        {open ? (
          <Card title={t('inventory.counts.scanTitle')}>
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                const serial = scan.trim();
                if (!serial) return;
                record.mutate(
                  { scannedSerials: [serial] },
                  {
                    onSuccess: () => {
                      setLastScan(serial);
                      setScan('');
                    },
                  },
                );
                scanInput.current?.select();
              }}
            >
              <Input
                ref={scanInput}
                label={t('inventory.serialNumber')}
                hint={t('inventory.scanHint')}
                value={scan}
                onChange={(e) => setScan(e.target.value)}
                autoFocus
                autoComplete="off"
                className="w-64"
              />
              <Button type="submit" variant="secondary" busy={record.isPending && !typed.length}>
                {t('inventory.counts.scanButton')}
              </Button>
            </form>
            {lastScan ? (
              <p className="mt-2 text-sm text-ink-muted" role="status">
                {t('inventory.counts.lastScan', { serial: lastScan })}
              </p>
            ) : null}
          </Card>
        ) : null}
        {post.data ? <Notice tone="success">{t('inventory.counts.postedDone')}</Notice> : null}
        {problem ? (
          isProblem(problem) ? (
            <Notice tone="error">
              {problem.detail ?? problem.title}
              {problem.errors?.length ? ` (${problem.errors.length} ${t('inventory.counts.linesOpen')})` : ''}
            </Notice>
          ) : (
            <ErrorNotice error={problem} />
          )
        ) : null}
        <StockTable
          label={t('inventory.counts.lines')}
          rows={c.lines}
          empty={t('inventory.counts.emptyLocation')}
          rowKey={(l) => l.id}
          columns={[
            { header: t('inventory.product'), cell: (l) => `${l.sku} · ${l.name}` },
            { header: t('inventory.serialOrBatch'), cell: (l) => l.lot || '—' },
            { header: t('inventory.counts.expected'), numeric: true, cell: (l) => l.expected },
            { header: t('inventory.counts.counted'), numeric: true, cell: countedCell },
            {
              header: t('inventory.counts.variance'),
              numeric: true,
              cell: (l) =>
                l.variance === null ? (
                  '—'
                ) : (
                  <span className={l.variance ? 'font-medium text-danger-700' : ''}>
                    {l.variance > 0 ? `+${l.variance}` : l.variance}
                  </span>
                ),
            },
          ]}
        />
        {open ? (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              busy={record.isPending && typed.length > 0}
              disabled={!typed.length}
              onClick={() => record.mutate({ lines: typed }, { onSuccess: () => setEntries({}) })}
            >
              {t('inventory.counts.save')}
            </Button>
            <Button busy={post.isPending} onClick={saveThenPost}>
              {t('inventory.counts.post')}
            </Button>
          </div>
        ) : null}
      </div>
    </>
  );
}
