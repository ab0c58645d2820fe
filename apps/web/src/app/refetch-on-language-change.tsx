import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useI18n } from '../lib/i18n/i18n';

/**
 * Texts the server wrote (timelines, contact history, refusals) come in the language the request asks
 * for; after a switch, what is on screen is fetched again so it is not left in the other language.
 */
export function RefetchOnLanguageChange() {
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const shown = useRef(locale);
  useEffect(() => {
    if (shown.current === locale) return;
    shown.current = locale;
    void queryClient.invalidateQueries();
  }, [locale, queryClient]);
  return null;
}
