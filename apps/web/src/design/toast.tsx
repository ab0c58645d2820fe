import { Toast } from 'radix-ui';
import { clsx } from 'clsx';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n';

type ToastVariant = 'success' | 'error' | 'info';
export type ToastInput = { title: string; description?: string | undefined; variant?: ToastVariant };
type ToastItem = ToastInput & { id: number };

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

const variantClass: Record<ToastVariant, string> = {
  success: 'border-brand-500',
  error: 'border-danger-600',
  info: 'border-info-600',
};

let nextId = 1;

/** Holds the toasts of the whole app; Radix announces them politely and lets F8 focus them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const show = useCallback((toast: ToastInput) => setToasts((list) => [...list, { ...toast, id: nextId++ }]), []);
  const remove = (id: number) => setToasts((list) => list.filter((item) => item.id !== id));

  return (
    <ToastContext.Provider value={show}>
      <Toast.Provider swipeDirection="right" label={t('toast.region')}>
        {children}
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
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ title: 'Opgeslagen', variant: 'success' })` */
export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast() needs <ToastProvider> above it');
  return useMemo(() => show, [show]);
}
