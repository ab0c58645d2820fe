import { type ReactNode, useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { PageHeader } from '../../../design/page-header';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { type ToolDetail, type ToolEvent, useRecordToolEvent, useTool } from '../api/tools';
import { StockTable } from './stock-table';
import { DueDate, useTeamChoices } from './tools-register';
import { amsterdamDay } from '../../../lib/format/date';

const KINDS: ToolEvent['kind'][] = ['inspection', 'calibration', 'allocated', 'usage', 'maintenance'];

/** One tool: its due dates, its history, and a form to book what happened to it. */
export function ToolView({ id, above }: { id: string; above: (tool: ToolDetail) => ReactNode }) {
  const { t, label, formatDate } = useI18n();
  const tool = useTool(id);
  if (tool.error) return <ErrorNotice error={tool.error} notFound={t('inventory.tools.notFound')} />;
  if (!tool.data) return <Spinner label={t('common.loading')} />;
  const x = tool.data;
  return (
    <>
      {above(x)}
      <PageHeader
        title={`${x.code} · ${x.type}`}
        subtitle={`${x.serialNumber ?? '—'} · ${x.team?.name ?? t('inventory.tools.inWarehouse')} · ${label('inventory.tools.statusOf', x.status)}`}
      />
      <div className="flex flex-col gap-4">
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-ink-muted">{t('inventory.tools.inspection')}</dt>
            <dd>
              <DueDate date={x.inspectionDueOn} state={x.inspectionState} />
              {x.inspectionIntervalMonths ? ` (${t('inventory.tools.every', { n: x.inspectionIntervalMonths })})` : ''}
            </dd>
          </div>
          <div>
            <dt className="text-ink-muted">{t('inventory.tools.calibration')}</dt>
            <dd>
              <DueDate date={x.calibrationDueOn} state={x.calibrationState} />
              {x.calibrationIntervalMonths
                ? ` (${t('inventory.tools.every', { n: x.calibrationIntervalMonths })})`
                : ''}
            </dd>
          </div>
        </dl>
        {x.status !== 'retired' ? <ToolEventForm id={x.id} /> : null}
        <Card title={t('inventory.tools.history')}>
          <StockTable
            label={t('inventory.tools.history')}
            rows={x.events}
            empty={t('inventory.tools.noHistory')}
            rowKey={(e) => e.id}
            columns={[
              { header: t('inventory.when'), cell: (e) => formatDate(e.happenedOn) },
              { header: t('inventory.tools.what'), cell: (e) => label('inventory.tools.kind', e.kind) },
              { header: t('inventory.tools.team'), cell: (e) => e.teamName ?? '—' },
              {
                header: t('inventory.tools.result'),
                cell: (e) => (e.result ? label('inventory.tools.resultOf', e.result) : '—'),
              },
              { header: t('inventory.tools.note'), cell: (e) => e.note ?? '' },
            ]}
          />
        </Card>
      </div>
    </>
  );
}

function ToolEventForm({ id }: { id: string }) {
  const { t, label } = useI18n();
  const record = useRecordToolEvent(id);
  const teams = useTeamChoices();
  const today = amsterdamDay();
  const [kind, setKind] = useState<ToolEvent['kind']>('inspection');
  const [happenedOn, setHappenedOn] = useState(today);
  const [result, setResult] = useState<'passed' | 'failed'>('passed');
  const [teamId, setTeamId] = useState('');
  const [note, setNote] = useState('');
  const checked = kind === 'inspection' || kind === 'calibration';
  const select = 'h-10 max-w-[90vw] rounded-md border border-line bg-panel px-2 text-sm';
  return (
    <Card title={t('inventory.tools.book')}>
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate(
            {
              kind,
              happenedOn,
              ...(checked ? { result } : {}),
              ...(kind === 'allocated' ? { teamId: teamId || null } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            },
            { onSuccess: () => setNote('') },
          );
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.tools.what')}
          <select className={select} value={kind} onChange={(e) => setKind(e.target.value as ToolEvent['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {label('inventory.tools.kind', k)}
              </option>
            ))}
          </select>
        </label>
        <Input
          label={t('inventory.when')}
          type="date"
          max={today}
          value={happenedOn}
          onChange={(e) => setHappenedOn(e.target.value)}
          className="w-44"
        />
        {checked ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-ink">
            {t('inventory.tools.result')}
            <select
              className={select}
              value={result}
              onChange={(e) => setResult(e.target.value as 'passed' | 'failed')}
            >
              <option value="passed">{label('inventory.tools.resultOf', 'passed')}</option>
              <option value="failed">{label('inventory.tools.resultOf', 'failed')}</option>
            </select>
          </label>
        ) : null}
        {kind === 'allocated' ? (
          <label className="flex flex-col gap-1 text-sm font-medium text-ink">
            {t('inventory.tools.team')}
            <select className={select} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t('inventory.tools.inWarehouse')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Input
          label={t('inventory.tools.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className="w-72 max-w-full"
        />
        <Button type="submit" busy={record.isPending}>
          {t('inventory.tools.save')}
        </Button>
      </form>
      {record.error ? <ErrorNotice error={record.error} /> : null}
    </Card>
  );
}
