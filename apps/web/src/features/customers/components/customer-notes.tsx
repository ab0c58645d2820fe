import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Textarea } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { useToast } from '../../../design/toast';
import { applyProblemToForm } from '../../../lib/http/form-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { addNoteInputSchema, useAddCustomerNote, type AddNoteInput } from '../api/add-customer-note';
import type { CustomerDetail } from '../api/get-customer';

export function CustomerNotes({ customer }: { customer: CustomerDetail }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Card title={t('customer.notes')}>
      <AddNoteForm customerId={customer.id} />
      {customer.notes.length === 0 ? (
        <p className="mt-3 text-sm text-ink-muted">{t('customer.noNotes')}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3" aria-label={t('customer.notes')}>
          {customer.notes.map((n) => (
            <li key={n.id} className="rounded-md bg-surface p-2 text-sm">
              <p className="whitespace-pre-wrap">{n.body}</p>
              <p className="mt-1 text-xs text-ink-subtle">
                {[n.authorName, n.createdAt ? formatDateTime(n.createdAt) : null].filter(Boolean).join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function AddNoteForm({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const addNote = useAddCustomerNote(customerId);
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, reset, setError, formState } = useForm<AddNoteInput>({
    resolver: zodResolver(addNoteInputSchema),
    defaultValues: { body: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      await addNote.mutateAsync(values);
      reset();
      toast({ title: t('customer.noteAdded'), variant: 'success' });
    } catch (error) {
      setBanner(applyProblemToForm(error, ['body'], setError));
    }
  });

  const bodyError = formState.errors.body;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t('customer.addNote')}>
      {banner ? <Notice tone="error">{banner}</Notice> : null}
      <Textarea
        label={t('customer.newNote')}
        {...register('body')}
        error={bodyError ? (bodyError.type === 'server' ? bodyError.message : t('form.required')) : undefined}
      />
      <Button type="submit" size="sm" className="self-end" busy={addNote.isPending}>
        {t('customer.addNote')}
      </Button>
    </form>
  );
}
