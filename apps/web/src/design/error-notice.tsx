import { isProblem } from '../lib/http/http-client';
import { useI18n } from '../lib/i18n/i18n';
import { Notice } from './status-message';

/**
 * Why a screen could not load, in words the user can act on: no access (403), not found
 * (404, with the caller's own wording), or a general failure. Never a stack trace.
 */
export function ErrorNotice({ error, notFound }: { error: unknown; notFound?: string }) {
  const { t } = useI18n();
  let text = t('common.loadFailed');
  if (isProblem(error) && error.status === 403) text = t('common.forbidden');
  else if (isProblem(error) && error.status === 404) text = notFound ?? t('notFound.title');
  return <Notice tone="error">{text}</Notice>;
}
