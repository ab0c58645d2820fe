import { useState, type FormEvent } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { useI18n } from '../../../lib/i18n/i18n';
import { useProviderSettings, useSendTestMessage } from '../api/providers';

type Channel = 'email' | 'sms' | 'whatsapp';

/** Admin: which provider each channel uses (set in the server's environment) and a test message to check it. */
export function ProviderSettings() {
  const { t, label } = useI18n();
  const settings = useProviderSettings();
  const send = useSendTestMessage();
  const [channel, setChannel] = useState<Channel>('email');
  const [to, setTo] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ channel, to });
  };
  return (
    <Card title={t('communication.providers')}>
      {settings.data ? (
        <dl className="mb-4 grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
          {(['email', 'sms', 'whatsapp'] as const).map((c) => (
            <div key={c}>
              <dt className="font-medium">{label('messageChannel', c)}</dt>
              <dd className="break-all text-ink-muted">{settings.data[c] ?? t('communication.offline')}</dd>
              <dd className="text-ink-muted">
                {settings.data.replies[c] ? t('communication.repliesTaken') : t('communication.repliesOff')}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <form className="flex flex-col gap-3 sm:flex-row sm:items-end" onSubmit={submit}>
        <Select
          label={t('communication.testChannel')}
          value={channel}
          onValueChange={(v) => setChannel(v as Channel)}
          options={(['email', 'sms', 'whatsapp'] as const).map((c) => ({
            value: c,
            label: label('messageChannel', c),
          }))}
        />
        <Input
          label={t('communication.testTo')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          placeholder={channel === 'email' ? 'naam@voorbeeld.nl' : '+31612345678'}
          required
        />
        <Button type="submit" busy={send.isPending}>
          {t('communication.sendTest')}
        </Button>
      </form>
      {send.isError ? <ErrorNotice error={send.error} /> : null}
      {send.isSuccess ? (
        <p role="status" className="mt-2 text-sm text-ink-muted">
          {t('communication.testQueued')}
        </p>
      ) : null}
    </Card>
  );
}
