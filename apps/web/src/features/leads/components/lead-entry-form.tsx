import { useState, type FormEvent } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input, Textarea } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { ProblemError } from '../../../lib/http/problem-error';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCreateLead } from '../api/create-lead';

const FIELDS = [
  'name',
  'email',
  'phone',
  'postcode',
  'houseNumber',
  'addition',
  'street',
  'city',
  'productInterest',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];

/** Ops enter a lead by hand (a phone call, a fair); the server names every wrong field. */
export function LeadEntryForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const create = useCreateLead();
  const [values, setValues] = useState<Record<Field, string>>(
    Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>,
  );
  const problem = create.error instanceof ProblemError ? create.error : null;
  const fieldError = (f: string) => problem?.errors.find((e) => e.field.endsWith(`.${f}`))?.message;
  const bind = (f: Field) => ({
    value: values[f],
    error: fieldError(f),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value })),
  });
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const hasAddress = values.postcode.trim() && values.houseNumber.trim();
    create.mutate(
      {
        name: values.name,
        email: values.email,
        phone: opt(values.phone),
        productInterest: opt(values.productInterest),
        notes: opt(values.notes),
        address: hasAddress
          ? {
              postcode: values.postcode,
              houseNumber: Number(values.houseNumber),
              addition: opt(values.addition),
              street: opt(values.street),
              city: opt(values.city),
            }
          : undefined,
      },
      { onSuccess: (lead) => onCreated(lead.id) },
    );
  };
  return (
    <Card title={t('leads.new')}>
      <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-3 md:grid-cols-2" aria-label={t('leads.new')}>
        {problem ? (
          <div className="md:col-span-2">
            <Notice tone="error">{problem.detail ?? problem.title}</Notice>
          </div>
        ) : null}
        <Input label={t('leads.name')} required {...bind('name')} />
        <Input label={t('leads.email')} type="email" required {...bind('email')} />
        <Input label={t('leads.phone')} {...bind('phone')} />
        <Input label={t('leads.postcode')} placeholder="1234 AB" {...bind('postcode')} />
        <Input label={t('leads.houseNumber')} inputMode="numeric" {...bind('houseNumber')} />
        <Input label={t('leads.addition')} {...bind('addition')} />
        <Input label={t('leads.street')} {...bind('street')} />
        <Input label={t('leads.city')} {...bind('city')} />
        <Input label={t('leads.interest')} {...bind('productInterest')} />
        <Textarea label={t('leads.notes')} {...bind('notes')} />
        <Button type="submit" busy={create.isPending} className="md:col-span-2">
          {t('leads.save')}
        </Button>
      </form>
    </Card>
  );
}
