import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Spinner } from '../../../design/status-message';
import { formatDateTime } from '../../../lib/format/date';
import { useI18n } from '../../../lib/i18n/i18n';
import { type VanRequest, useDeclineVanRequest, useVanRequests } from '../api/transfers';
import { ProblemNotice } from './problem-notice';
import { StockTable } from './stock-table';
import { useTeamChoices } from './tools-register';
import { VanRequestForm } from './van-request-form';

/**
 * The vans' replenishment requests as the warehouse works them: open ones first, oldest first, each with
 * what the van holds of what it asks; fulfilled by a transfer to the van (the transfers page, filled in),
 * or declined with a reason the team reads. Ops ask for a team here too.
 */
export function VanRequests({ transferHref }: { transferHref: (requestId: string) => string }) {
  const { t, locale } = useI18n();
  const requests = useVanRequests();
  const teams = useTeamChoices();
  const open = (requests.data ?? []).filter((r) => r.status === 'open');
  const decided = (requests.data ?? []).filter((r) => r.status !== 'open');
  return (
    <div className="flex flex-col gap-4">
      {requests.error ? <ErrorNotice error={requests.error} /> : null}
      {requests.isPending ? <Spinner label={t('common.loading')} /> : null}
      {requests.data && !open.length ? (
        <p className="text-sm text-ink-muted">{t('inventory.vanRequests.noneOpen')}</p>
      ) : null}
      {open.map((r) => (
        <OpenRequest key={r.id} request={r} transferHref={transferHref} />
      ))}
      <Card title={t('inventory.vanRequests.askTitle')}>
        <VanRequestForm teams={teams} />
      </Card>
      {decided.length ? (
        <section className="flex flex-col gap-2" aria-labelledby="decided-requests">
          <h2 id="decided-requests" className="text-lg font-semibold">
            {t('inventory.vanRequests.decided')}
          </h2>
          <StockTable
            label={t('inventory.vanRequests.decided')}
            rows={decided}
            empty=""
            rowKey={(r) => r.id}
            columns={[
              { header: t('inventory.vanRequests.number'), cell: (r) => r.number },
              { header: t('inventory.tools.team'), cell: (r) => r.team.name },
              { header: t('inventory.vanRequests.outcome'), cell: (r) => <Outcome request={r} /> },
              { header: t('inventory.when'), cell: (r) => (r.decidedAt ? formatDateTime(r.decidedAt, locale) : '—') },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}

/** Fulfilled with which transfer, or declined and why. */
export function Outcome({ request }: { request: VanRequest }) {
  const { t } = useI18n();
  if (request.status === 'fulfilled')
    return <>{t('inventory.vanRequests.fulfilledBy', { number: request.transfer?.number ?? '' })}</>;
  if (request.status === 'declined')
    return <>{t('inventory.vanRequests.declinedBecause', { reason: request.declineReason ?? '' })}</>;
  return <>{t('inventory.vanRequests.status.open')}</>;
}

function OpenRequest({ request, transferHref }: { request: VanRequest; transferHref: (id: string) => string }) {
  const { t, locale } = useI18n();
  const decline = useDeclineVanRequest();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Card title={t('inventory.vanRequests.cardTitle', { number: request.number, van: request.van.name })}>
      <p className="mb-2 text-sm text-ink-muted">
        {t('inventory.vanRequests.askedBy', {
          name: request.requestedByName,
          when: formatDateTime(request.requestedAt, locale),
        })}
      </p>
      {request.note ? <p className="mb-2 text-sm">“{request.note}”</p> : null}
      <StockTable
        label={t('inventory.vanRequests.linesOf', { number: request.number })}
        rows={request.lines}
        empty=""
        rowKey={(l) => l.productId}
        columns={[
          { header: t('inventory.product'), cell: (l) => `${l.sku} · ${l.name}` },
          { header: t('inventory.vanRequests.asked'), numeric: true, cell: (l) => l.quantity },
          { header: t('inventory.vanRequests.onVan'), numeric: true, cell: (l) => l.onVan },
        ]}
      />
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <Link
          to={transferHref(request.id)}
          className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t('inventory.vanRequests.fulfil', { number: request.number })}
        </Link>
        {declining ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              decline.mutate({ id: request.id, reason: reason.trim() });
            }}
          >
            <Input
              label={t('inventory.vanRequests.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              minLength={3}
              className="w-72 max-w-full"
            />
            <Button type="submit" variant="danger" busy={decline.isPending} disabled={reason.trim().length < 3}>
              {t('inventory.vanRequests.declineConfirm')}
            </Button>
          </form>
        ) : (
          <Button variant="secondary" onClick={() => setDeclining(true)}>
            {t('inventory.vanRequests.decline')}
          </Button>
        )}
      </div>
      <ProblemNotice error={decline.error} />
    </Card>
  );
}
