import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { ToastProvider } from '../design/toast';
import { I18nProvider } from '../lib/i18n/i18n';
import { primeEmbeddedSession } from '../features/auth/api/embedded-session';
import { createQueryClient } from './query-client';
import { RefetchOnLanguageChange } from './refetch-on-language-change';
import { createAppRouter } from './router';

export function App() {
  // Created once per mounted app (not at module load) so tests can mount fresh instances.
  const [{ queryClient, router }] = useState(() => {
    const queryClient = createQueryClient();
    primeEmbeddedSession(queryClient);
    return { queryClient, router: createAppRouter(queryClient) };
  });
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RefetchOnLanguageChange />
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
