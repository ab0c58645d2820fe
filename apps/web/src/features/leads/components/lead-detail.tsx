import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { PageHeader } from '../../../design/page-header';
import { Notice, Spinner } from '../../../design/status-message';
import { formatDateTime } from '../../../lib/format/date';
import { ProblemError } from '../../../lib/http/problem-error';
import { useI18n } from '../../../lib/i18n/i18n';
import { useLead } from '../api/get-lead';
import { useDecideLead } from '../api/decide-lead';
import { useEntityName } from '../../reference/api/list-entities';

/** One lead: data, score breakdown, intake and timeline; ops can qualify, reject or reassign it. */
export function LeadDetailView({ leadId, canDecide }: { leadId: string; canDecide: boolean }) {
  const entityName = useEntityName();
  const { t, label } = useI18n();
  const lead = useLead(leadId);
  if (lead.isPending) return <Spinner label={t('common.loading')} />;
  if (lead.isError) return <Notice tone="error">{t('common.loadFailed')}</Notice>;
  const l = lead.data;
  const address = [l.street, [l.houseNumber, l.houseNumberAddition].filter(Boolean).join(''), l.postcode, l.city]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <PageHeader
        title={`${l.number} · ${l.name}`}
        subtitle={`${label('leadStatus', l.status)} · ${t('leads.score')} ${l.score ?? '–'}`}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('leads.details')}>
          <dl className="grid grid-cols-2 gap-1 text-sm">
            <dt>{t('leads.email')}</dt>
            <dd>{l.email}</dd>
            <dt>{t('leads.phone')}</dt>
            <dd>{l.phone ?? '–'}</dd>
            <dt>{t('leads.address')}</dt>
            <dd>{address || '–'}</dd>
            <dt>{t('leads.region')}</dt>
            <dd>{[l.municipality, l.province, l.regionCode].filter(Boolean).join(' · ') || '–'}</dd>
            <dt>{t('leads.entity')}</dt>
            <dd>{entityName(l.entityId)}</dd>
            <dt>{t('leads.partner')}</dt>
            <dd>
              {l.partnerName ?? '–'}
              {l.partnerReference ? ` (${l.partnerReference})` : ''}
            </dd>
            <dt>{t('leads.interest')}</dt>
            <dd>{l.productInterest ?? '–'}</dd>
            {l.rejectedReason ? (
              <>
                <dt>{t('leads.rejectedReason')}</dt>
                <dd>{l.rejectedReason}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card title={t('leads.scoreBreakdown')}>
          <ul className="text-sm">
            {l.scoreReasons.map((r) => (
              <li key={r.factor} className="py-1">
                <strong>{r.factor}</strong>: {r.points}/{r.max} — {r.reason}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('leads.intake')}>
          {l.intake ? (
            <p className="text-sm">
              {l.intake.completedAt
                ? t('leads.intakeDone', { at: formatDateTime(l.intake.completedAt) })
                : t('leads.intakeOpen', { at: formatDateTime(l.intake.sentAt), reminders: l.intake.remindersSent })}
              {l.intake.answers ? (
                <span className="mt-1 block text-ink-muted">
                  {Object.entries(l.intake.answers)
                    .map(([k, v]) => `${k}: ${String(v)}`)
                    .join(' · ')}{' '}
                  · {t('leads.photos', { n: l.intake.photos })}
                </span>
              ) : null}
            </p>
          ) : (
            <p className="text-sm">–</p>
          )}
        </Card>
        {canDecide ? <LeadActions leadId={l.id} status={l.status} /> : null}
        <Card title={t('leads.timeline')}>
          <ol className="text-sm">
            {l.timeline.map((s, i) => (
              <li key={i} className="py-1">
                <span className="text-ink-subtle">
                  {formatDateTime(s.at)} · {s.actorName}
                </span>
                <br />
                {s.summary}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}

function LeadActions({ leadId, status }: { leadId: string; status: string }) {
  const { t } = useI18n();
  const decide = useDecideLead(leadId);
  const [reason, setReason] = useState('');
  const [entity, setEntity] = useState('');
  const error =
    decide.error instanceof ProblemError
      ? (decide.error.detail ?? decide.error.message)
      : decide.error
        ? t('common.loadFailed')
        : null;
  // A received lead is still in the pipeline: it gets its customer and score first (the server refuses too).
  const canQualify = ['enriched', 'awaiting_intake'].includes(status);
  return (
    <Card title={t('leads.actions')}>
      <div className="flex flex-col gap-2">
        {error ? <Notice tone="error">{error}</Notice> : null}
        <Button disabled={!canQualify} busy={decide.isPending} onClick={() => decide.mutate({ kind: 'qualify' })}>
          {t('leads.qualify')}
        </Button>
        <Input label={t('leads.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button
          variant="danger"
          disabled={reason.trim().length < 3 || status === 'rejected'}
          onClick={() => decide.mutate({ kind: 'reject', reason })}
        >
          {t('leads.reject')}
        </Button>
        <Input label={t('leads.assignEntity')} value={entity} onChange={(e) => setEntity(e.target.value)} />
        <Button
          variant="secondary"
          disabled={!entity}
          onClick={() => decide.mutate({ kind: 'assign', entityId: entity })}
        >
          {t('leads.assign')}
        </Button>
      </div>
    </Card>
  );
}
