import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { Notice, Spinner } from '../../../design/status-message';
import { addDays, amsterdamDay } from '../../../lib/format/date';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n';
import { useOptimise, usePlanningRegions, usePlanningTeams, useProposals, useTeamAbsent } from '../api/optimiser';
import { problemText } from './problem-text';

const nextMonday = () => {
  const today = amsterdamDay();
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, 7 - weekday);
};

/** "Optimaliseer" for a period and region, "team afwezig" with its repair, and the latest proposals. */
export function OptimisePanel({ proposalHref }: { proposalHref: (id: string) => string }) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const regions = usePlanningRegions();
  const teams = usePlanningTeams();
  const proposals = useProposals();
  const optimise = useOptimise();
  const absent = useTeamAbsent();
  const [from, setFrom] = useState(nextMonday);
  const [to, setTo] = useState(() => addDays(nextMonday(), 4));
  const [region, setRegion] = useState('');
  const [teamId, setTeamId] = useState('');
  const [absentDate, setAbsentDate] = useState(() => addDays(amsterdamDay(), 1));
  const [kind, setKind] = useState('illness');

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Card title={t('optimiser.title')}>
        <p className="mb-3 text-sm text-ink-muted">{t('optimiser.intro')}</p>
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            optimise.mutate(
              { from, to, ...(region ? { regionCode: region } : {}) },
              { onSuccess: (p) => void navigate(proposalHref(p.id)) },
            );
          }}
        >
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Input
              label={t('optimiser.from')}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              required
            />
            <Input label={t('optimiser.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
          </div>
          <Select
            label={t('optimiser.region')}
            value={region}
            onValueChange={setRegion}
            options={[
              { value: '', label: t('optimiser.allRegions') },
              ...(regions.data ?? []).map((r) => ({ value: r.code, label: r.name })),
            ]}
          />
          {optimise.error ? <Notice tone="error">{problemText(optimise.error)}</Notice> : null}
          <div>
            <Button type="submit" busy={optimise.isPending}>
              {t('optimiser.run')}
            </Button>
          </div>
        </form>
      </Card>
      <Card title={t('optimiser.absentTitle')}>
        <p className="mb-3 text-sm text-ink-muted">{t('optimiser.absentIntro')}</p>
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            absent.mutate({ teamId, date: absentDate, kind }, { onSuccess: (p) => void navigate(proposalHref(p.id)) });
          }}
        >
          <Select
            label={t('optimiser.team')}
            value={teamId}
            onValueChange={setTeamId}
            options={[
              { value: '', label: t('routes.chooseTeam') },
              ...(teams.data ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` })),
            ]}
          />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Input
              label={t('optimiser.date')}
              type="date"
              value={absentDate}
              onChange={(e) => setAbsentDate(e.target.value)}
              required
            />
            <Select
              label={t('optimiser.kind')}
              value={kind}
              onValueChange={setKind}
              options={(['illness', 'holiday', 'training', 'other'] as const).map((k) => ({
                value: k,
                label: t(`optimiser.kind.${k}` as MessageKey),
              }))}
            />
          </div>
          {absent.error ? <Notice tone="error">{problemText(absent.error)}</Notice> : null}
          <div>
            <Button type="submit" variant="secondary" busy={absent.isPending} disabled={!teamId}>
              {t('optimiser.markAbsent')}
            </Button>
          </div>
        </form>
      </Card>
      <Card title={t('optimiser.recent')} className="lg:col-span-2">
        {proposals.error ? <ErrorNotice error={proposals.error} /> : null}
        {!proposals.data && !proposals.error ? <Spinner label={t('common.loading')} /> : null}
        {proposals.data && !proposals.data.length ? (
          <p className="text-sm text-ink-muted">{t('optimiser.none')}</p>
        ) : null}
        <ul className="flex flex-col gap-1 text-sm">
          {(proposals.data ?? []).map((p) => (
            <li key={p.id}>
              <Link className="text-brand-700 underline" to={proposalHref(p.id)}>
                {t(`optimiser.kindLabel.${p.kind}` as MessageKey)}{' '}
                {t('optimiser.period', { from: formatDate(p.from), to: formatDate(p.to) })}
                {p.regionCode ? ` (${p.regionCode})` : ''}
              </Link>{' '}
              <span className="text-ink-muted">{t(`optimiser.status.${p.status}` as MessageKey)}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
