import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { PageHeader } from '../../../design/page-header';
import { Notice, Spinner } from '../../../design/status-message';
import { ProblemError } from '../../../lib/http/problem-error';
import { useI18n } from '../../../lib/i18n/i18n';
import { useLead } from '../api/get-lead';
import { useDecideLead } from '../api/decide-lead';
import { useEntities, useEntityName } from '../../reference/api/list-entities';

/** Where a lead links to: its customer, a new quote from it, its quotes and their orders (ops portal). */
export type LeadLinks = {
  customerHref: (id: string) => string;
  quoteHref: (id: string) => string;
  orderHref: (id: string) => string;
  /** "Offerte maken": a new quote prefilled with the lead's customer, partner, brand and intake answers. */
  newQuoteHref?: (leadId: string) => string;
};

/** One lead: data, score breakdown, intake and timeline; ops can qualify, reject or reassign it. */
export function LeadDetailView({
  leadId,
  canDecide,
  links,
}: {
  leadId: string;
  canDecide: boolean;
  links?: LeadLinks;
}) {
  const entityName = useEntityName();
  const { t, label, formatDateTime } = useI18n();
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
        actions={
          links?.newQuoteHref && l.customerId && l.status !== 'rejected' ? (
            <Link
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white"
              to={links.newQuoteHref(l.id)}
            >
              {t('leads.makeQuote')}
            </Link>
          ) : null
        }
      />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Card title={t('leads.details')}>
          <dl className="grid grid-cols-2 gap-1 text-sm">
            {links && l.customerId ? (
              <>
                <dt>{t('leads.customer')}</dt>
                <dd>
                  <Link className="text-brand-700 underline" to={links.customerHref(l.customerId)}>
                    {l.companyName ?? l.name}
                  </Link>
                </dd>
              </>
            ) : null}
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
        {links && l.quotes.length > 0 ? (
          <Card title={t('leads.quotes')}>
            <ul className="flex flex-col gap-1 text-sm">
              {l.quotes.map((q) => (
                <li key={q.id}>
                  <Link className="text-brand-700 underline" to={links.quoteHref(q.id)}>
                    {q.number}
                  </Link>{' '}
                  · {label('quoteStatus', q.status)}
                  {q.orderId ? (
                    <>
                      {' '}
                      ·{' '}
                      <Link className="text-brand-700 underline" to={links.orderHref(q.orderId)}>
                        {q.orderNumber}
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {canDecide ? <LeadActions leadId={l.id} status={l.status} entityId={l.entityId} /> : null}
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

function LeadActions({ leadId, status, entityId }: { leadId: string; status: string; entityId: string }) {
  const { t } = useI18n();
  const entities = useEntities();
  const decide = useDecideLead(leadId);
  const [reason, setReason] = useState('');
  const [entity, setEntity] = useState('');
  const otherEntities = (entities.data ?? []).filter((e) => e.value !== entityId);
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
        {/* Only a lead that can still be qualified offers it: a qualified, converted or rejected one does not. */}
        {canQualify ? (
          <Button busy={decide.isPending} onClick={() => decide.mutate({ kind: 'qualify' })}>
            {t('leads.qualify')}
          </Button>
        ) : null}
        <Input label={t('leads.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button
          variant="danger"
          disabled={reason.trim().length < 3 || status === 'rejected'}
          onClick={() => decide.mutate({ kind: 'reject', reason })}
        >
          {t('leads.reject')}
        </Button>
        <Select
          label={t('leads.assignEntity')}
          value={entity}
          onValueChange={setEntity}
          options={otherEntities}
          className="flex-wrap"
        />
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
