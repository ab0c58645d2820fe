import { TableScroll } from '../../../design/table-scroll';
import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { ProblemError } from '../../../lib/http/problem-error';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  useDeliveries,
  useWebhookActions,
  useWebhookEndpoints,
  WEBHOOK_EVENT_TYPES,
  type WebhookEndpoint,
} from '../api/webhooks';

/** Webhook endpoints with their signing secret (shown once), test event, delivery log and replay. */
export function WebhooksPanel({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  const endpoints = useWebhookEndpoints(partnerId);
  const actions = useWebhookActions(partnerId);
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState<string[]>(['lead.received', 'lead.qualified']);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const problem = actions.create.error instanceof ProblemError ? actions.create.error : null;
  return (
    <div className="flex flex-col gap-4">
      {secret ? (
        <Notice tone="success">
          {t('webhooks.secretOnce')} <code className="break-all">{secret}</code>
        </Notice>
      ) : null}
      <Card title={t('webhooks.new')}>
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            actions.create.mutate(
              { url, eventTypes: types },
              {
                onSuccess: (ep) => {
                  setSecret(ep.secret);
                  setUrl('');
                },
              },
            );
          }}
        >
          <Input
            label={t('webhooks.url')}
            type="url"
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={problem?.errors[0]?.message ?? (problem ? problem.detail : undefined)}
          />
          <fieldset className="flex flex-wrap gap-3 text-sm">
            <legend className="mb-1 font-medium">{t('webhooks.events')}</legend>
            {WEBHOOK_EVENT_TYPES.map((ty) => (
              <label key={ty} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={types.includes(ty)}
                  onChange={(e) => setTypes((cur) => (e.target.checked ? [...cur, ty] : cur.filter((x) => x !== ty)))}
                />{' '}
                {ty}
              </label>
            ))}
          </fieldset>
          <Button
            type="submit"
            className="self-start"
            busy={actions.create.isPending}
            disabled={!url || types.length === 0}
          >
            {t('webhooks.add')}
          </Button>
        </form>
      </Card>
      {endpoints.isPending ? <Spinner label={t('common.loading')} /> : null}
      {endpoints.data?.items.map((ep) => (
        <Card key={ep.id} title={ep.url}>
          <EndpointSummary endpoint={ep} />
          <div className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" onClick={() => actions.test.mutate(ep.id)}>
              {t('webhooks.test')}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => actions.rotate.mutate(ep.id, { onSuccess: (r) => setSecret(r.secret) })}
            >
              {t('webhooks.rotate')}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => actions.setEnabled.mutate({ id: ep.id, enabled: !ep.enabled })}
            >
              {ep.enabled ? t('webhooks.disable') : t('webhooks.enable')}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                actions.replaySince.mutate({ id: ep.id, since: new Date(Date.now() - 24 * 3_600_000).toISOString() })
              }
            >
              {t('webhooks.replay24h')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen(open === ep.id ? null : ep.id)}>
              {t('webhooks.log')}
            </Button>
          </div>
          {open === ep.id ? (
            <DeliveryLog partnerId={partnerId} endpointId={ep.id} onReplay={(id) => actions.replayOne.mutate(id)} />
          ) : null}
        </Card>
      ))}
    </div>
  );
}

function EndpointSummary({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, formatDateTime } = useI18n();
  return (
    <p className="text-sm text-ink-muted">
      {endpoint.eventTypes.join(', ')} ·{' '}
      {endpoint.enabled ? t('webhooks.enabled') : `${t('webhooks.disabled')}: ${endpoint.disabledReason ?? ''}`}
      {endpoint.failingSince ? ` · ${t('webhooks.failingSince', { at: formatDateTime(endpoint.failingSince) })}` : ''}
    </p>
  );
}

function DeliveryLog({
  partnerId,
  endpointId,
  onReplay,
}: {
  partnerId: string;
  endpointId: string;
  onReplay: (deliveryId: string) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const log = useDeliveries(partnerId, endpointId);
  if (log.isPending) return <Spinner label={t('common.loading')} />;
  if (log.isError) return <Notice tone="error">{t('common.loadFailed')}</Notice>;
  return (
    <TableScroll label={t('webhooks.log')}>
      <table className="mt-3 w-full text-left text-xs">
        <thead className="text-ink-muted">
          <tr>
            <th className="py-1">{t('webhooks.event')}</th>
            <th>{t('webhooks.state')}</th>
            <th>{t('webhooks.attempts')}</th>
            <th>{t('webhooks.lastAnswer')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {log.data.items.map((d) => {
            const last = d.attemptLog.at(-1);
            return (
              <tr key={d.id} className="border-t border-line align-top">
                <td className="py-1">
                  {d.eventType}
                  <br />
                  <span className="text-ink-subtle">{formatDateTime(d.createdAt)}</span>
                </td>
                <td>
                  {d.state}
                  {d.nextAttemptAt && d.state === 'pending' ? ` · ${formatDateTime(d.nextAttemptAt)}` : ''}
                </td>
                <td>{d.attempts}</td>
                <td>
                  {last
                    ? `${last.responseStatus ?? last.error ?? ''} · ${last.durationMs} ms ${last.responseBodyExcerpt ? `· ${last.responseBodyExcerpt.slice(0, 80)}` : ''}`
                    : '–'}
                </td>
                <td>
                  <Button size="sm" variant="ghost" onClick={() => onReplay(d.id)}>
                    {t('webhooks.replay')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
