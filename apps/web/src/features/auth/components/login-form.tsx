import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../design/button';
import { Input } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { applyProblemToForm } from '../../../lib/http/form-errors';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { loginInputSchema, useLogin, type LoginInput } from '../api/login';
import type { Session } from '../api/session-schema';

/** Email + password for staff, technicians and partners. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const login = useLogin();
  const [banner, setBanner] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<LoginInput>({
    resolver: zodResolver(loginInputSchema),
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      onLoggedIn(await login.mutateAsync(values));
    } catch (error) {
      // Wrong credentials and throttling have their own words; other problems show the server's.
      if (isProblem(error) && error.status === 401) setBanner(t('login.wrongCredentials'));
      else if (isProblem(error) && error.status === 429) setBanner(t('login.throttled'));
      else setBanner(applyProblemToForm(error, ['email', 'password'], setError));
    }
  });

  const fieldError = (name: keyof LoginInput, fallback: string) => {
    const e = formState.errors[name];
    if (!e) return undefined;
    return e.type === 'server' ? e.message : fallback;
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('login.staffTab')}>
      {banner ? <Notice tone="error">{banner}</Notice> : null}
      <Input
        label={t('login.email')}
        type="email"
        autoComplete="username"
        {...register('email')}
        error={fieldError('email', t('form.invalidEmail'))}
      />
      <Input
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        {...register('password')}
        error={fieldError('password', t('form.required'))}
      />
      <Button type="submit" busy={login.isPending}>
        {t('login.submit')}
      </Button>
    </form>
  );
}
