import { useState, type FormEvent } from 'react';
import type { MessagePreferences } from '@chargecars/contract';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Select } from '../../../design/select';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCustomerCommunication, useSaveMessagePreferences } from '../api/customer-communication';
import { MessageStatus } from './message-status';

const CHANNELS = ['email', 'sms', 'whatsapp'] as const;

/** On the customer page: addresses that bounced, what the customer wants to receive, and their messages. */
export function CustomerMessages({ customerId, canEdit }: { customerId: string; canEdit: boolean }) {
  const { t, label, formatDateTime } = useI18n();
  const query = useCustomerCommunication(customerId);
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { unreachable, messages, preferences } = query.data;
  return (
    <Card title={t('communication.customerTitle')}>
      {unreachable.map((u) => (
        <p
          key={`${u.channel}:${u.address}`}
          role="alert"
          className="mb-2 rounded bg-danger-50 p-2 text-sm text-danger-700"
        >
          {t('communication.unreachable')}: {u.address} ({label('messageChannel', u.channel)}) — {u.reason}
        </p>
      ))}
      {canEdit ? <PreferencesForm customerId={customerId} initial={preferences} /> : null}
      {messages.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('communication.none')}</p>
      ) : (
        <ul className="mt-3 flex flex-col divide-y divide-line">
          {messages.slice(0, 20).map((m) => (
            <li key={m.id} className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-start sm:justify-between">
              <span>
                <span className="font-medium">{m.subject || label('messageType', m.messageType)}</span>
                <span className="block text-xs text-ink-muted">
                  {formatDateTime(m.createdAt)} · {label('messageChannel', m.channel)} ·{' '}
                  {m.direction === 'inbound' ? `${t('communication.from')} ${m.from ?? ''}` : m.to}
                </span>
              </span>
              <MessageStatus message={m} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function PreferencesForm({ customerId, initial }: { customerId: string; initial: MessagePreferences }) {
  const { t, label } = useI18n();
  const save = useSaveMessagePreferences(customerId);
  const [prefs, setPrefs] = useState(initial);
  const toggle = (c: (typeof CHANNELS)[number]) =>
    setPrefs((p) => ({
      ...p,
      channels: p.channels.includes(c) ? p.channels.filter((x) => x !== c) : [...p.channels, c],
    }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(prefs);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3 border-b border-line pb-3">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium">{t('communication.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="flex items-center gap-2">
            <input type="checkbox" checked={prefs.channels.includes(c)} onChange={() => toggle(c)} />
            {label('messageChannel', c)}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={prefs.whatsappOptIn}
          onChange={(e) => setPrefs((p) => ({ ...p, whatsappOptIn: e.target.checked }))}
        />
        {t('communication.whatsappOptIn')}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={prefs.optOutNonEssential}
          onChange={(e) => setPrefs((p) => ({ ...p, optOutNonEssential: e.target.checked }))}
        />
        {t('communication.optOut')}
      </label>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Select
          label={t('communication.language')}
          value={prefs.language}
          onValueChange={(v) => setPrefs((p) => ({ ...p, language: v === 'en' ? 'en' : 'nl' }))}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Button type="submit" variant="secondary" busy={save.isPending}>
          {t('communication.savePreferences')}
        </Button>
      </div>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess ? (
        <p role="status" className="text-sm text-ink-muted">
          {t('communication.saved')}
        </p>
      ) : null}
    </form>
  );
}
