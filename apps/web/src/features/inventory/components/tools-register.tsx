import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useStockLocations } from '../api/stock';
import { type Tool, useRegisterTool, useTools } from '../api/tools';
import { StockTable } from './stock-table';

const STATE_CLASS = { overdue: 'font-medium text-danger-700', due_soon: 'font-medium text-ink', ok: '', none: '' };

/** A due date with its state in words, red when overdue (not by colour alone: the words say it). */
export function DueDate({ date, state }: { date: string | null; state: Tool['inspectionState'] }) {
  const { label, formatDate } = useI18n();
  if (!date) return <>—</>;
  return (
    <span className={STATE_CLASS[state]}>
      {formatDate(date)}
      {state === 'overdue' || state === 'due_soon' ? ` · ${label('inventory.tools.state', state)}` : ''}
    </span>
  );
}

/** The teams, as their vans name them (every team has one). */
export function useTeamChoices() {
  const locations = useStockLocations();
  return (locations.data ?? [])
    .filter((l) => l.kind === 'van' && l.teamId)
    .map((l) => ({ id: l.teamId!, name: l.name }));
}

/** The tool register: every tool with its team and due dates, overdue ones first; a form adds one. */
export function ToolsRegister({ toolHref }: { toolHref: (id: string) => string }) {
  const { t, label } = useI18n();
  const [teamId, setTeamId] = useState('');
  const [due, setDue] = useState(false);
  const tools = useTools({ teamId, due });
  const teams = useTeamChoices();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.tools.team')}
          <select
            className="h-10 max-w-[90vw] rounded-md border border-line bg-panel px-2 text-sm"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
          >
            <option value="">{t('inventory.tools.allTeams')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex h-10 items-center gap-2 text-sm text-ink">
          <input type="checkbox" checked={due} onChange={(e) => setDue(e.target.checked)} />
          {t('inventory.tools.onlyDue')}
        </label>
      </div>
      {tools.error ? <ErrorNotice error={tools.error} /> : null}
      {tools.isPending ? <Spinner label={t('common.loading')} /> : null}
      {tools.data ? (
        <StockTable
          label={t('inventory.tools.title')}
          rows={tools.data}
          empty={t('inventory.tools.none')}
          rowKey={(x) => x.id}
          columns={[
            {
              header: t('inventory.tools.code'),
              cell: (x) => (
                <Link className="text-brand-700 underline" to={toolHref(x.id)}>
                  {x.code}
                </Link>
              ),
            },
            { header: t('inventory.tools.type'), cell: (x) => x.type },
            { header: t('inventory.serialNumber'), cell: (x) => x.serialNumber ?? '—' },
            { header: t('inventory.tools.team'), cell: (x) => x.team?.name ?? t('inventory.tools.inWarehouse') },
            { header: t('inventory.tools.status'), cell: (x) => label('inventory.tools.statusOf', x.status) },
            {
              header: t('inventory.tools.inspection'),
              cell: (x) => <DueDate date={x.inspectionDueOn} state={x.inspectionState} />,
            },
            {
              header: t('inventory.tools.calibration'),
              cell: (x) => <DueDate date={x.calibrationDueOn} state={x.calibrationState} />,
            },
          ]}
        />
      ) : null}
      <RegisterToolForm teams={teams} />
    </div>
  );
}

function RegisterToolForm({ teams }: { teams: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const register = useRegisterTool();
  const empty = {
    type: '',
    serialNumber: '',
    teamId: '',
    inspectionMonths: '',
    inspectionDueOn: '',
    calibrationMonths: '',
    calibrationDueOn: '',
  };
  const [form, setForm] = useState(empty);
  const set = (patch: Partial<typeof empty>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <Card title={t('inventory.tools.register')}>
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          register.mutate(
            {
              type: form.type.trim(),
              ...(form.serialNumber.trim() ? { serialNumber: form.serialNumber.trim() } : {}),
              ...(form.teamId ? { teamId: form.teamId } : {}),
              ...(form.inspectionMonths ? { inspectionIntervalMonths: Number(form.inspectionMonths) } : {}),
              ...(form.inspectionDueOn ? { inspectionDueOn: form.inspectionDueOn } : {}),
              ...(form.calibrationMonths ? { calibrationIntervalMonths: Number(form.calibrationMonths) } : {}),
              ...(form.calibrationDueOn ? { calibrationDueOn: form.calibrationDueOn } : {}),
            },
            { onSuccess: () => setForm(empty) },
          );
        }}
      >
        <Input
          label={t('inventory.tools.type')}
          value={form.type}
          onChange={(e) => set({ type: e.target.value })}
          required
          className="w-56"
        />
        <Input
          label={t('inventory.serialNumber')}
          value={form.serialNumber}
          onChange={(e) => set({ serialNumber: e.target.value })}
          className="w-48"
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-ink">
          {t('inventory.tools.team')}
          <select
            className="h-10 max-w-[90vw] rounded-md border border-line bg-panel px-2 text-sm"
            value={form.teamId}
            onChange={(e) => set({ teamId: e.target.value })}
          >
            <option value="">{t('inventory.tools.inWarehouse')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <Input
          label={t('inventory.tools.inspectionMonths')}
          type="number"
          min={1}
          max={120}
          value={form.inspectionMonths}
          onChange={(e) => set({ inspectionMonths: e.target.value })}
          className="w-40"
        />
        <Input
          label={t('inventory.tools.inspectionDue')}
          type="date"
          value={form.inspectionDueOn}
          onChange={(e) => set({ inspectionDueOn: e.target.value })}
          className="w-44"
        />
        <Input
          label={t('inventory.tools.calibrationMonths')}
          type="number"
          min={1}
          max={120}
          value={form.calibrationMonths}
          onChange={(e) => set({ calibrationMonths: e.target.value })}
          className="w-40"
        />
        <Input
          label={t('inventory.tools.calibrationDue')}
          type="date"
          value={form.calibrationDueOn}
          onChange={(e) => set({ calibrationDueOn: e.target.value })}
          className="w-44"
        />
        <Button type="submit" busy={register.isPending} disabled={form.type.trim().length < 2}>
          {t('inventory.tools.add')}
        </Button>
      </form>
      {register.error ? <ErrorNotice error={register.error} /> : null}
    </Card>
  );
}
