import { Toast } from 'radix-ui';
import { clsx } from 'clsx';
import { useI18n } from '../lib/i18n/i18n';
import type { ToastItem, ToastVariant } from './toast';

const variantClass: Record<ToastVariant, string> = {
  success: 'border-brand-500',
  error: 'border-danger-600',
  info: 'border-info-600',
};

/** The toasts on screen; Radix announces them politely and lets F8 focus them. */
export default function ToastList({ toasts, remove }: { toasts: ToastItem[]; remove: (id: number) => void }) {
  const { t } = useI18n();
  return (
    <Toast.Provider swipeDirection="right" label={t('toast.region')}>
      {toasts.map((item) => (
        <Toast.Root
          key={item.id}
          type={item.variant === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => !open && remove(item.id)}
          className={clsx('rounded-md border-l-4 bg-panel p-3 shadow-lg', variantClass[item.variant ?? 'info'])}
        >
          <Toast.Title className="text-sm font-semibold text-ink">{item.title}</Toast.Title>
          {item.description ? (
            <Toast.Description className="mt-1 text-sm text-ink-muted">{item.description}</Toast.Description>
          ) : null}
          <Toast.Close aria-label={t('common.close')} className="absolute top-2 right-2 text-ink-subtle">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2 outline-none" />
    </Toast.Provider>
  );
}
