import { useState, type FormEvent } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { useToast } from '../../../design/toast';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { usePartner, type PartnerDetail } from '../api/get-partner';
import { isVatNumber, tidyVatNumber, useUpdatePartnerVatNumber } from '../api/update-partner';
import { useEntityName } from '../../reference/api/list-entities';

/** Who the partner is (KvK, VAT number, category) and whether its invoices carry reverse charge; ops may change the VAT number. */
export function PartnerProfile({ partnerId, canEdit }: { partnerId: string; canEdit: boolean }) {
  const entityName = useEntityName();
  const { t, label, formatDate } = useI18n();
  const query = usePartner(partnerId);
  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const p = query.data;
  const rows: [string, string][] = [
    [t('partners.number'), p.number],
    [t('partners.category'), label('partnerCategory', p.category)],
    [t('orders.entity'), entityName(p.entityId)],
    [t('partners.status'), label('partnerStatus', p.status)],
    [t('partners.kvk'), p.kvkNumber],
    [t('partners.email'), p.email],
    [t('partners.phone'), p.phone ?? '—'],
    [t('partners.since'), formatDate(p.createdAt)],
  ];
  return (
    <Card title={p.name}>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-ink-muted">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <dt className="text-ink-muted">{t('partners.vatNumber')}</dt>
        <dd>
          <span className="font-mono">{p.vatNumber ?? '—'}</span>
          <span className="block text-xs text-ink-subtle">
            {p.reverseCharge ? t('partners.reverseChargeApplies') : t('partners.reverseChargeNot')}
          </span>
        </dd>
      </dl>
      {canEdit ? <VatNumberForm partner={p} /> : null}
    </Card>
  );
}

function VatNumberForm({ partner }: { partner: PartnerDetail }) {
  const { t } = useI18n();
  const toast = useToast();
  const update = useUpdatePartnerVatNumber(partner.id);
  const [value, setValue] = useState(partner.vatNumber ?? '');
  const [touched, setTouched] = useState(false);
  const empty = value.trim() === '';
  const localError = touched && !empty && !isVatNumber(value) ? t('partners.vatNumberInvalid') : undefined;
  // The server names the field it refused (body.vatNumber); anything else goes in the banner.
  const serverError = isProblem(update.error) ? update.error.fieldMessage('body.vatNumber') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!empty && !isVatNumber(value)) return;
    update.mutate(empty ? null : tidyVatNumber(value), {
      onSuccess: (saved) => {
        setValue(saved.vatNumber ?? '');
        toast({ title: t('partners.vatNumberSaved'), variant: 'success' });
      },
    });
  };
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2"
      onSubmit={submit}
      noValidate
      aria-label={t('partners.vatNumberEdit')}
    >
      <Input
        label={t('partners.vatNumber')}
        value={value}
        placeholder="NL123456789B01"
        hint={t('partners.vatNumberHint')}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => setTouched(true)}
        error={localError ?? serverError}
        className="min-w-64"
      />
      <Button type="submit" busy={update.isPending}>
        {t('partners.vatNumberSave')}
      </Button>
      {update.isError && !serverError ? (
        <div className="w-full">
          <Notice tone="error">
            {isProblem(update.error) ? (update.error.detail ?? update.error.title) : t('common.loadFailed')}
          </Notice>
        </div>
      ) : null}
    </form>
  );
}
