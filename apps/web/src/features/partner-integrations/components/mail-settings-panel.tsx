import { useState, type FormEvent } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { usePartnerMailSettings, useSavePartnerMailSettings, type PartnerMailSettings } from '../api/mail-settings';

/** The partner's own choice: where our mail goes, in which language, and which events also come by mail. */
export function MailSettingsPanel({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  const query = usePartnerMailSettings(partnerId);
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  return <MailSettingsForm partnerId={partnerId} initial={query.data} />;
}

function MailSettingsForm({ partnerId, initial }: { partnerId: string; initial: PartnerMailSettings }) {
  const { t } = useI18n();
  const save = useSavePartnerMailSettings(partnerId);
  const [settings, setSettings] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(settings);
  };
  return (
    <Card title={t('partnerMail.contact')}>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Input
            label={t('partnerMail.email')}
            type="email"
            required
            value={settings.email}
            onChange={(e) => setSettings((s) => ({ ...s, email: e.target.value }))}
          />
          <Select
            label={t('partnerMail.language')}
            value={settings.language}
            onValueChange={(v) => setSettings((s) => ({ ...s, language: v === 'en' ? 'en' : 'nl' }))}
            options={[
              { value: 'nl', label: 'Nederlands' },
              { value: 'en', label: 'English' },
            ]}
          />
        </div>
        <p className="text-sm text-ink-muted">{t('partnerMail.languageHelp')}</p>
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium">{t('partnerMail.events')}</legend>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.leadQualified}
              onChange={(e) => setSettings((s) => ({ ...s, leadQualified: e.target.checked }))}
            />
            {t('partnerMail.leadQualified')}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={settings.orderCreated}
              onChange={(e) => setSettings((s) => ({ ...s, orderCreated: e.target.checked }))}
            />
            {t('partnerMail.orderCreated')}
          </label>
        </fieldset>
        <Button type="submit" className="self-start" busy={save.isPending}>
          {t('partnerMail.save')}
        </Button>
        {save.isError ? <ErrorNotice error={save.error} /> : null}
        {save.isSuccess ? (
          <p role="status" className="text-sm text-ink-muted">
            {t('partnerMail.saved')}
          </p>
        ) : null}
      </form>
    </Card>
  );
}
