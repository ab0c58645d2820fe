import { useState } from 'react';
import { Link } from 'react-router';
import { FIELD_CASE_KINDS } from '@chargecars/contract';
import { Button } from '../../../design/button';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Modal } from '../../../design/modal';
import { Select } from '../../../design/select';
import { Spinner } from '../../../design/status-message';
import { TableScroll } from '../../../design/table-scroll';
import { useToast } from '../../../design/toast';
import { useI18n } from '../../../lib/i18n/i18n';
import { useFieldTeams, useOpenCases, useResolveCase, type OpenCase } from '../api/field-ops';
import { FieldCaseWhat } from './field-case-what';

/** The open field cases, narrowed by kind and team; each opens its visit and is closed with a note. */
export function FieldCases({ visitHref }: { visitHref: (visitId: string) => string }) {
  const { t, label, formatDateTime, formatDay } = useI18n();
  const [kind, setKind] = useState('');
  const [teamId, setTeamId] = useState('');
  const [resolving, setResolving] = useState<OpenCase | null>(null);
  const teams = useFieldTeams();
  const cases = useOpenCases({ kind, teamId });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-3">
        <Select
          label={t('fieldCases.kind')}
          value={kind}
          onValueChange={setKind}
          options={[
            { value: '', label: t('fieldCases.allKinds') },
            ...FIELD_CASE_KINDS.map((k) => ({ value: k, label: label('fieldCase.kind', k) })),
          ]}
        />
        <Select
          label={t('fieldCases.team')}
          value={teamId}
          onValueChange={setTeamId}
          options={[
            { value: '', label: t('fieldCases.allTeams') },
            ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
      </div>
      {cases.isPending ? <Spinner label={t('common.loading')} /> : null}
      {cases.error ? <ErrorNotice error={cases.error} /> : null}
      {cases.data && !cases.data.length ? <p className="text-sm text-ink-muted">{t('fieldCases.none')}</p> : null}
      {cases.data?.length ? (
        <TableScroll label={t('fieldCases.title')}>
          <table className="w-full text-sm">
            <thead className="text-left text-ink-muted">
              <tr>
                <th className="px-2 py-1">{t('fieldCases.visit')}</th>
                <th className="px-2 py-1">{t('fieldCases.what')}</th>
                <th className="px-2 py-1">{t('fieldCases.customer')}</th>
                <th className="px-2 py-1">{t('fieldCases.created')}</th>
                <th className="px-2 py-1" />
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id} className="border-t border-line align-top">
                  <td className="px-2 py-2">
                    <Link className="text-brand-700 underline" to={visitHref(c.visitId)}>
                      {c.visitNumber}
                    </Link>
                    <span className="block text-xs text-ink-muted">
                      {[c.visitDate ? formatDay(c.visitDate) : null, c.teamName].filter(Boolean).join(' · ')}
                    </span>
                  </td>
                  <td className="px-2 py-2">
                    <span className="font-medium">{label('fieldCase.kind', c.kind)}</span>
                    <FieldCaseWhat fieldCase={c} />
                  </td>
                  <td className="px-2 py-2">{c.customerName}</td>
                  <td className="px-2 py-2 whitespace-nowrap">{formatDateTime(c.createdAt)}</td>
                  <td className="px-2 py-2">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t('fieldCases.resolveOf', { number: c.visitNumber })}
                      onClick={() => setResolving(c)}
                    >
                      {t('fieldCases.resolve')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <ResolveCaseDialog fieldCase={resolving} onClose={() => setResolving(null)} />
    </div>
  );
}

function ResolveCaseDialog({ fieldCase, onClose }: { fieldCase: OpenCase | null; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const resolve = useResolveCase();
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    resolve.reset();
    onClose();
  };
  return (
    <Modal
      open={fieldCase !== null}
      onOpenChange={(open) => !open && close()}
      title={t('fieldCases.resolveTitle', { number: fieldCase?.visitNumber ?? '' })}
      footer={
        <Button form="resolve-field-case" type="submit" busy={resolve.isPending} disabled={!note.trim()}>
          {t('fieldCases.resolve')}
        </Button>
      }
    >
      <form
        id="resolve-field-case"
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!fieldCase) return;
          resolve.mutate(
            { id: fieldCase.id, note: note.trim() },
            {
              onSuccess: () => {
                toast({ title: t('fieldCases.resolved'), variant: 'success' });
                close();
              },
            },
          );
        }}
      >
        <Input
          label={t('fieldCases.note')}
          hint={t('fieldCases.noteHint')}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          autoFocus
        />
        {resolve.error ? <ErrorNotice error={resolve.error} /> : null}
      </form>
    </Modal>
  );
}
