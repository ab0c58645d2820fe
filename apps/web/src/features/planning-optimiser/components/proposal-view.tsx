import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Notice, ProgressBar, Spinner } from '../../../design/status-message';
import { TableScroll } from '../../../design/table-scroll';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n';
import { useApplyProposal, useProposal, type Proposal } from '../api/optimiser';
import { problemText } from './problem-text';

const hours = (minutes: number) => (minutes / 60).toFixed(1);

/** A proposal: progress while it is computed, then what it changes, per team to accept. */
export function ProposalView({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const proposal = useProposal(id);
  if (proposal.error) return <ErrorNotice error={proposal.error} />;
  if (!proposal.data) return <Spinner label={t('common.loading')} />;
  const p = proposal.data;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-ink-muted">
        {t(`optimiser.kindLabel.${p.kind}` as MessageKey)}{' '}
        {t('optimiser.period', { from: formatDate(p.from), to: formatDate(p.to) })}
        {p.regionCode ? ` (${p.regionCode})` : ''}: <strong>{t(`optimiser.status.${p.status}` as MessageKey)}</strong>
      </p>
      {p.status === 'queued' || p.status === 'running' ? <Progress p={p} /> : null}
      {p.status === 'failed' ? <Notice tone="error">{p.error}</Notice> : null}
      {p.status === 'ready' || p.status === 'applied' ? <Difference p={p} /> : null}
    </div>
  );
}

function Progress({ p }: { p: Proposal }) {
  const { t } = useI18n();
  const budget = p.progress?.budgetMs ?? 1;
  return (
    <Card>
      <ProgressBar value={((p.progress?.elapsedMs ?? 0) / budget) * 100} label={t('optimiser.progress')} />
      <p className="mt-2 text-sm text-ink-muted" aria-live="polite">
        {p.progress
          ? t('optimiser.progressText', {
              seconds: Math.round(p.progress.elapsedMs / 1000),
              budget: Math.round(budget / 1000),
              unassigned: p.progress.unassigned,
            })
          : t('optimiser.status.queued')}
      </p>
    </Card>
  );
}

function Difference({ p }: { p: Proposal }) {
  const { t, formatDate } = useI18n();
  const apply = useApplyProposal(p.id);
  const open = p.teams.filter((x) => x.changes > 0 && !x.applied);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const count = (kind: string) => p.changes.filter((c) => c.kind === kind).length;
  const slot = (s: Proposal['changes'][number]['from']) =>
    s ? `${s.teamName}, ${formatDate(s.date)} ${t(`optimiser.block.${s.block}` as MessageKey)}` : '—';
  return (
    <>
      <Notice>{p.weatherAvailable ? t('optimiser.weatherUsed') : t('optimiser.noWeather')}</Notice>
      <p className="text-sm">
        {t('optimiser.summary', {
          added: count('added'),
          moved: count('moved'),
          unscheduled: count('unscheduled'),
          unassigned: count('unassigned'),
        })}
      </p>
      {apply.data ? (
        <Notice tone="success">
          {t('optimiser.appliedNotice', { applied: apply.data.applied, unscheduled: apply.data.unscheduled })}
        </Notice>
      ) : null}
      {apply.error ? <Notice tone="error">{problemText(apply.error)}</Notice> : null}
      <Card
        title={t('optimiser.teams')}
        actions={
          open.length ? (
            <div className="flex flex-wrap gap-2">
              <Button
                size="sm"
                variant="secondary"
                disabled={!chosen.size}
                busy={apply.isPending}
                onClick={() => apply.mutate([...chosen])}
              >
                {t('optimiser.acceptSelected')}
              </Button>
              <Button size="sm" busy={apply.isPending} onClick={() => apply.mutate(undefined)}>
                {t('optimiser.acceptAll')}
              </Button>
            </div>
          ) : null
        }
      >
        <TableScroll label={t('optimiser.teams')}>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-ink-muted">
                <th className="p-1">{t('optimiser.accept')}</th>
                <th className="p-1">{t('optimiser.team')}</th>
                <th className="p-1 text-right">{t('optimiser.changesCount')}</th>
                <th className="p-1 text-right">{t('optimiser.kmBefore')}</th>
                <th className="p-1 text-right">{t('optimiser.kmAfter')}</th>
                <th className="p-1 text-right">{t('optimiser.hoursBefore')}</th>
                <th className="p-1 text-right">{t('optimiser.hoursAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {p.teams
                .filter((x) => x.changes > 0 || x.before.visits > 0 || x.after.visits > 0)
                .map((x) => (
                  <tr key={x.teamId} className="border-t border-line">
                    <td className="p-1">
                      {x.applied ? (
                        t('optimiser.applied')
                      ) : x.changes > 0 ? (
                        <input
                          type="checkbox"
                          aria-label={`${t('optimiser.accept')} ${x.teamName}`}
                          checked={chosen.has(x.teamId)}
                          onChange={(e) => {
                            const next = new Set(chosen);
                            if (e.target.checked) next.add(x.teamId);
                            else next.delete(x.teamId);
                            setChosen(next);
                          }}
                        />
                      ) : null}
                    </td>
                    <td className="p-1">{x.teamName}</td>
                    <td className="p-1 text-right">{x.changes}</td>
                    <td className="p-1 text-right">{x.before.km.toFixed(1)}</td>
                    <td className="p-1 text-right">{x.after.km.toFixed(1)}</td>
                    <td className="p-1 text-right">{hours(x.before.travelMinutes + x.before.workMinutes)}</td>
                    <td className="p-1 text-right">{hours(x.after.travelMinutes + x.after.workMinutes)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      </Card>
      {p.affectedCustomers.length ? (
        <Card title={t('optimiser.affected')}>
          <p className="mb-2 text-sm text-ink-muted">{t('optimiser.affectedIntro')}</p>
          <ul className="text-sm">
            {p.affectedCustomers.map((c) => (
              <li key={c.visitNumber}>
                {c.name} ({c.visitNumber}){c.phone ? `, ${c.phone}` : ''}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title={t('optimiser.changes')}>
        {!p.changes.length ? <p className="text-sm text-ink-muted">{t('optimiser.noChanges')}</p> : null}
        {p.changes.length ? (
          <TableScroll label={t('optimiser.changes')}>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-ink-muted">
                  <th className="p-1">{t('optimiser.visit')}</th>
                  <th className="p-1">{t('optimiser.customer')}</th>
                  <th className="p-1">{t('optimiser.change')}</th>
                  <th className="p-1">{t('optimiser.before')}</th>
                  <th className="p-1">{t('optimiser.after')}</th>
                  <th className="p-1">{t('optimiser.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {p.changes.slice(0, 500).map((c) => (
                  <tr key={c.visitId} className="border-t border-line">
                    <td className="p-1">{c.number}</td>
                    <td className="p-1">
                      {c.customerName}, {c.city}
                    </td>
                    <td className="p-1">{t(`optimiser.change.${c.kind}` as MessageKey)}</td>
                    <td className="p-1">{slot(c.from)}</td>
                    <td className="p-1">
                      {slot(c.to)}
                      {c.badWeather ? ` (${t('optimiser.badWeather')})` : ''}
                    </td>
                    <td className="p-1">
                      {c.reason ? t(`optimiser.reason.${c.reason}` as MessageKey) : ''}
                      {c.missing.length ? `: ${c.missing.join(', ')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </Card>
    </>
  );
}
