import { useState } from 'react';
import { Button } from '../../../design/button';
import { Modal } from '../../../design/modal';
import { Notice } from '../../../design/status-message';
import { ErrorNotice } from '../../../design/error-notice';
import { useI18n } from '../../../lib/i18n/i18n';
import { useAddTeamAbsence, useRemoveTeamAbsence, useTeamAbsences, type Absence } from '../api/team-absences';

const KINDS: Absence['kind'][] = ['holiday', 'illness', 'training', 'other'];

/** A team's absences: the list, one to add (from, to, reason, note) and a way to remove one. */
export function TeamAbsencesDialog({
  team,
  onClose,
}: {
  team: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={team !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t('planning.absencesTitle', { team: team?.name ?? '' })}
    >
      {team ? <AbsencesOf teamId={team.id} /> : null}
    </Modal>
  );
}

function AbsencesOf({ teamId }: { teamId: string }) {
  const { t } = useI18n();
  const list = useTeamAbsences(teamId);
  const add = useAddTeamAbsence(teamId);
  const remove = useRemoveTeamAbsence(teamId);
  const [dateFrom, setFrom] = useState('');
  const [dateTo, setTo] = useState('');
  const [kind, setKind] = useState<Absence['kind']>('holiday');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4">
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && list.data.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('planning.noAbsences')}</p>
      ) : null}
      <ul className="flex flex-col gap-1 text-sm" data-testid="absences">
        {list.data?.map((a) => (
          <li key={a.id} className="flex items-center justify-between gap-2">
            <span>
              {a.dateFrom} – {a.dateTo}: {t(`planning.off.${a.kind}`)}
              {a.note ? ` (${a.note})` : ''}
            </span>
            <Button variant="ghost" size="sm" busy={remove.isPending} onClick={() => remove.mutate(a.id)}>
              {t('planning.removeAbsence')}
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="grid grid-cols-1 gap-2 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          add.mutate(
            { dateFrom, dateTo: dateTo || dateFrom, kind, note: note.trim() || undefined },
            {
              onSuccess: (r) => {
                setNote('');
                setDone(
                  r.affectedVisits.length
                    ? t('planning.absenceAffected', {
                        count: r.affectedVisits.length,
                        numbers: r.affectedVisits.map((v) => v.number).join(', '),
                      })
                    : t('planning.absenceAdded'),
                );
              },
            },
          );
        }}
      >
        <label className="text-sm">
          {t('planning.from')}
          <input
            type="date"
            required
            value={dateFrom}
            onChange={(e) => setFrom(e.target.value)}
            className="mt-1 block h-9 w-full rounded-md border border-line px-2"
          />
        </label>
        <label className="text-sm">
          {t('planning.to')}
          <input
            type="date"
            value={dateTo}
            onChange={(e) => setTo(e.target.value)}
            className="mt-1 block h-9 w-full rounded-md border border-line px-2"
          />
        </label>
        <label className="text-sm">
          {t('planning.kind')}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as Absence['kind'])}
            className="mt-1 block h-9 w-full rounded-md border border-line px-2"
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`planning.off.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t('planning.note')}
          <input
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            className="mt-1 block h-9 w-full rounded-md border border-line px-2"
          />
        </label>
        <div className="sm:col-span-2">
          <Button type="submit" busy={add.isPending}>
            {t('planning.addAbsence')}
          </Button>
        </div>
      </form>
      {add.error ? <ErrorNotice error={add.error} /> : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
    </div>
  );
}
