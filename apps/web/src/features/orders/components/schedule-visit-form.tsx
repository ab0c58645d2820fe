import { useState } from 'react';
import { Button } from '../../../design/button';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { Notice } from '../../../design/status-message';
import { amsterdamDay } from '../../../lib/format/date';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useTeams } from '../api/list-teams';
import { useScheduleVisit, type ScheduleVisitInput } from '../api/schedule-visit';
import { useOrderVisitOptions } from '../api/visit-options';

type Block = ScheduleVisitInput['block'];

/** Staff plan a visit (or move it) on a day, a team and a day part; the server decides what is allowed. */
export function ScheduleVisitForm({
  visit,
}: {
  visit: {
    id: string;
    date?: string | null | undefined;
    block?: string | null | undefined;
    teamName?: string | null | undefined;
  };
}) {
  const { t } = useI18n();
  const teams = useTeams();
  const schedule = useScheduleVisit(visit.id);
  const today = amsterdamDay();
  const [date, setDate] = useState(visit.date && visit.date >= today ? visit.date : today);
  const [block, setBlock] = useState<Block>(visit.block === 'afternoon' ? 'afternoon' : 'morning');
  const [teamId, setTeamId] = useState('');
  const [reason, setReason] = useState('');
  const [showOptions, setShowOptions] = useState(false);
  const options = useOrderVisitOptions(showOptions ? visit.id : null);
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  // Until one is picked, the visit's own team (the summary knows it by name), else the first.
  const selectedTeam =
    teamId || teams.data?.find((team) => team.name === visit.teamName)?.id || teamOptions[0]?.value || '';
  // The server's words: the date's own message under the date input, the rest in the notice.
  const problem = isProblem(schedule.error) ? schedule.error : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!selectedTeam) return;
    schedule.mutate({ date, teamId: selectedTeam, block });
  };

  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2" aria-label={t('scheduleVisit.title')}>
      <Input
        type="date"
        label={t('scheduleVisit.date')}
        value={date}
        min={today}
        onChange={(e) => setDate(e.target.value)}
        error={problem?.fieldMessage('body.date')}
        required
      />
      <Select label={t('scheduleVisit.team')} value={selectedTeam} onValueChange={setTeamId} options={teamOptions} />
      <Select
        label={t('scheduleVisit.block')}
        value={block}
        onValueChange={(value) => setBlock(value === 'afternoon' ? 'afternoon' : 'morning')}
        options={[
          { value: 'morning', label: t('scheduleVisit.morning') },
          { value: 'afternoon', label: t('scheduleVisit.afternoon') },
        ]}
      />
      <Button type="submit" size="sm" busy={schedule.isPending} disabled={!selectedTeam}>
        {t('scheduleVisit.submit')}
      </Button>
      <Button type="button" size="sm" variant="secondary" onClick={() => setShowOptions(true)}>
        {t('planning.options')}
      </Button>
      {showOptions && options.data ? (
        <ul className="flex w-full flex-wrap gap-2" aria-label={t('planning.options')}>
          {options.data.options.length === 0 ? <li className="text-xs">{t('planning.noOptions')}</li> : null}
          {options.data.options.map((o) => (
            <li key={`${o.teamId}${o.date}${o.block}`}>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                onClick={() => {
                  setDate(o.date);
                  setTeamId(o.teamId);
                  setBlock(o.block);
                }}
              >
                {t('planning.optionLine', {
                  date: o.date,
                  block: t(o.block === 'morning' ? 'scheduleVisit.morning' : 'scheduleVisit.afternoon').toLowerCase(),
                  team: o.teamName,
                  km: o.addedKm,
                })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem?.code === 'slot_refused' ? (
        <div className="flex w-full flex-wrap items-end gap-2">
          <Input label={t('planning.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button
            type="button"
            size="sm"
            variant="secondary"
            disabled={reason.trim().length < 3}
            busy={schedule.isPending}
            onClick={() => schedule.mutate({ date, teamId: selectedTeam, block, overrideReason: reason.trim() })}
          >
            {t('planning.override')}
          </Button>
        </div>
      ) : null}
      {schedule.isError ? (
        <div className="w-full">
          <Notice tone="error">
            {[
              problem?.detail ?? problem?.title ?? t('scheduleVisit.failed'),
              ...(problem?.errors.filter((e) => e.field !== 'body.date').map((e) => e.message) ?? []),
            ].join(' — ')}
          </Notice>
        </div>
      ) : null}
      {schedule.isSuccess ? (
        <p role="status" className="w-full text-xs text-brand-800">
          {t('scheduleVisit.done')}
        </p>
      ) : null}
    </form>
  );
}
