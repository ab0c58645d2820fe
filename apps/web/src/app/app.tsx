import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ToastProvider } from '../design/toast';
import { I18nProvider } from '../lib/i18n/i18n';
import { primeEmbeddedSession } from '../features/auth/api/embedded-session';
import { createQueryClient } from './query-client';
import { RefetchOnLanguageChange } from './refetch-on-language-change';
import { AppRouter } from './router';

export function App() {
  // Created once per mounted app (not at module load) so tests can mount fresh instances.
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    primeEmbeddedSession(client);
    return client;
  });
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RefetchOnLanguageChange />
        <ToastProvider>
          <AppRouter queryClient={queryClient} />
        </ToastProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
