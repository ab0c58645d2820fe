import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { type InstallationType, type ToolReadiness, useSetToolRequirement, useToolReadiness } from '../api/tools';
import { ProblemNotice } from './problem-notice';
import { StockTable } from './stock-table';

const TYPES: InstallationType[] = ['survey', 'installation', 'meter_replacement'];
const select = 'h-10 max-w-[90vw] rounded-md border border-line bg-panel px-2 text-sm';
type Team = ToolReadiness['teams'][number];

/**
 * The tools per team and installation type: for each team and each type it is sent on, whether its van
 * holds the tools the type needs, and which are missing (a tool past its inspection or calibration is
 * held but does not count); below it, what each type needs, to change.
 */
export function ToolReadinessView() {
  const { t, label } = useI18n();
  const readiness = useToolReadiness();
  const cell = (team: Team, type: InstallationType) => {
    const entry = team.types.find((x) => x.installationType === type);
    if (!entry) return <span className="text-ink-muted">{t('inventory.toolNeeds.notSent')}</span>;
    if (entry.ready) return t('inventory.toolNeeds.complete');
    return (
      <span className="font-medium text-danger-700">
        {t('inventory.toolNeeds.missing')}
        <ul>
          {entry.missing.map((m) => (
            <li key={m.toolType}>
              {t('inventory.toolNeeds.missingLine', { n: m.needed - m.usable, type: m.toolType })}
              {m.overdue ? ` (${t('inventory.toolNeeds.overdue', { n: m.overdue })})` : ''}
            </li>
          ))}
        </ul>
      </span>
    );
  };
  return (
    <Card title={t('inventory.toolNeeds.title')}>
      {readiness.error ? <ErrorNotice error={readiness.error} /> : null}
      {readiness.isPending ? <Spinner label={t('common.loading')} /> : null}
      {readiness.data ? (
        <div className="flex flex-col gap-4">
          <StockTable
            label={t('inventory.toolNeeds.title')}
            rows={readiness.data.teams}
            empty={t('inventory.toolNeeds.noTeams')}
            rowKey={(x) => x.team.id}
            columns={[
              { header: t('inventory.tools.team'), cell: (x) => x.team.name },
              ...TYPES.map((type) => ({
                header: label('inventory.toolNeeds.type', type),
                cell: (x: Team) => cell(x, type),
              })),
            ]}
          />
          <Requirements readiness={readiness.data} />
        </div>
      ) : null}
    </Card>
  );
}

function Requirements({ readiness }: { readiness: ToolReadiness }) {
  const { t, label } = useI18n();
  const set = useSetToolRequirement();
  const [form, setForm] = useState({
    installationType: 'installation' as InstallationType,
    toolType: '',
    quantity: '1',
  });
  return (
    <section className="flex flex-col gap-2" aria-labelledby="tool-needs">
      <h3 id="tool-needs" className="font-semibold">
        {t('inventory.toolNeeds.needs')}
      </h3>
      <StockTable
        label={t('inventory.toolNeeds.needs')}
        rows={readiness.requirements}
        empty={t('inventory.toolNeeds.noNeeds')}
        rowKey={(r) => `${r.installationType}|${r.toolType}`}
        columns={[
          {
            header: t('inventory.toolNeeds.installationType'),
            cell: (r) => label('inventory.toolNeeds.type', r.installationType),
          },
          { header: t('inventory.tools.type'), cell: (r) => r.toolType },
          { header: t('inventory.quantity'), numeric: true, cell: (r) => r.quantity },
          {
            header: t('inventory.transfers.remove'),
            cell: (r) => (
              <Button
                size="sm"
                variant="ghost"
                aria-label={t('inventory.toolNeeds.remove', {
                  type: r.toolType,
                  installation: label('inventory.toolNeeds.type', r.installationType),
                })}
                onClick={() => set.mutate({ installationType: r.installationType, toolType: r.toolType, quantity: 0 })}
              >
                ×
              </Button>
            ),
          },
        ]}
      />
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          set.mutate(
            { installationType: form.installationType, toolType: form.toolType, quantity: Number(form.quantity) },
            { onSuccess: () => setForm({ ...form, toolType: '', quantity: '1' }) },
          );
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.toolNeeds.installationType')}
          <select
            className={select}
            value={form.installationType}
            onChange={(e) => setForm({ ...form, installationType: e.target.value as InstallationType })}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {label('inventory.toolNeeds.type', type)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.tools.type')}
          <select
            className={select}
            value={form.toolType}
            onChange={(e) => setForm({ ...form, toolType: e.target.value })}
            required
          >
            <option value="">{t('inventory.toolNeeds.chooseTool')}</option>
            {readiness.toolTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <Input
          label={t('inventory.quantity')}
          type="number"
          min={1}
          max={20}
          value={form.quantity}
          onChange={(e) => setForm({ ...form, quantity: e.target.value })}
          className="w-24"
        />
        <Button type="submit" busy={set.isPending} disabled={!form.toolType || Number(form.quantity) < 1}>
          {t('inventory.tools.save')}
        </Button>
      </form>
      <ProblemNotice error={set.error} />
    </section>
  );
}
