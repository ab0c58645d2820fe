import { TableScroll } from '../../../design/table-scroll';
import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { API_SCOPES, useApiKeyActions, useApiKeys } from '../api/api-keys';

/** The partner's API keys: create with scopes, rotate, revoke. A new secret is shown once. */
export function ApiKeysPanel({ partnerId }: { partnerId: string }) {
  const { t, formatDateTime } = useI18n();
  const keys = useApiKeys(partnerId);
  const actions = useApiKeyActions(partnerId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['leads:write', 'leads:read']);
  const [secret, setSecret] = useState<string | null>(null);
  const show = (k: { secret: string }) => setSecret(k.secret);
  return (
    <div className="flex flex-col gap-4">
      {secret ? (
        <Notice tone="success">
          {t('apiKeys.shownOnce')}{' '}
          <code className="break-all rounded bg-surface px-1" data-testid="api-key-secret">
            {secret}
          </code>
        </Notice>
      ) : null}
      <Card title={t('apiKeys.new')}>
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            actions.create.mutate({ name, scopes }, { onSuccess: show });
          }}
        >
          <Input label={t('apiKeys.name')} value={name} onChange={(e) => setName(e.target.value)} required />
          <fieldset className="flex flex-wrap gap-3 text-sm">
            <legend className="mb-1 font-medium">{t('apiKeys.scopes')}</legend>
            {API_SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={scopes.includes(s)}
                  onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))}
                />{' '}
                {s}
              </label>
            ))}
          </fieldset>
          <Button
            type="submit"
            className="self-start"
            busy={actions.create.isPending}
            disabled={!name.trim() || scopes.length === 0}
          >
            {t('apiKeys.create')}
          </Button>
        </form>
      </Card>
      {keys.isPending ? <Spinner label={t('common.loading')} /> : null}
      {keys.isError ? <Notice tone="error">{t('common.loadFailed')}</Notice> : null}
      <TableScroll label={t('apiKeys.title')}>
        <table className="w-full text-left text-sm">
          <thead className="text-ink-muted">
            <tr>
              <th className="py-2">{t('apiKeys.name')}</th>
              <th>{t('apiKeys.prefix')}</th>
              <th>{t('apiKeys.scopes')}</th>
              <th>{t('apiKeys.lastUsed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.data?.items.map((k) => (
              <tr key={k.id} className="border-t border-line">
                <td className="py-2">
                  {k.name}
                  {k.active ? '' : ` (${t('apiKeys.revoked')})`}
                </td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.scopes.join(', ')}</td>
                <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('apiKeys.never')}</td>
                <td className="flex gap-2 py-1">
                  {k.active && !k.revokedAt ? (
                    <>
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => actions.rotate.mutate(k.id, { onSuccess: show })}
                      >
                        {t('apiKeys.rotate')}
                      </Button>
                      <Button size="sm" variant="danger" onClick={() => actions.revoke.mutate(k.id)}>
                        {t('apiKeys.revoke')}
                      </Button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
