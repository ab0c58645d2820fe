import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../design/button';
import { Input } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { applyProblemToForm } from '../../../lib/http/form-errors';
import { useI18n } from '../../../lib/i18n/i18n';
import { magicLinkInputSchema, useRequestMagicLink, type MagicLinkInput } from '../api/request-magic-link';

/** Customers have no password: they ask for a one-time link by email. */
export function MagicLinkForm() {
  const { t } = useI18n();
  const send = useRequestMagicLink();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<MagicLinkInput>({
    resolver: zodResolver(magicLinkInputSchema),
    defaultValues: { email: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      await send.mutateAsync(values);
      setSentTo(values.email);
    } catch (error) {
      setBanner(applyProblemToForm(error, ['email'], setError));
    }
  });

  if (sentTo) {
    return (
      <Notice tone="success">
        <strong>{t('magicLink.sentTitle')}</strong> {t('magicLink.sentBody', { email: sentTo })}
      </Notice>
    );
  }

  const emailError = formState.errors.email;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('magicLink.title')}>
      <p className="text-sm text-ink-muted">{t('magicLink.intro')}</p>
      {banner ? <Notice tone="error">{banner}</Notice> : null}
      <Input
        label={t('login.email')}
        type="email"
        autoComplete="email"
        {...register('email')}
        error={emailError ? (emailError.type === 'server' ? emailError.message : t('form.invalidEmail')) : undefined}
      />
      <Button type="submit" busy={send.isPending}>
        {t('magicLink.submit')}
      </Button>
    </form>
  );
}
