import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type ToastVariant = 'success' | 'error' | 'info';
export type ToastInput = { title: string; description?: string | undefined; variant?: ToastVariant };
export type ToastItem = ToastInput & { id: number };

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

// The toasts' Radix code loads with the first toast: no page needs it to render, and on a slow
// phone link every kilobyte before the first screen counts (issue 16).
const ToastList = lazy(() => import('./toast-list'));

let nextId = 1;

/** Holds the toasts of the whole app. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const [used, setUsed] = useState(false);
  const show = useCallback((toast: ToastInput) => {
    setUsed(true);
    setToasts((list) => [...list, { ...toast, id: nextId++ }]);
  }, []);
  const remove = useCallback((id: number) => setToasts((list) => list.filter((item) => item.id !== id)), []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      {used ? (
        <Suspense fallback={null}>
          <ToastList toasts={toasts} remove={remove} />
        </Suspense>
      ) : null}
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ title: 'Opgeslagen', variant: 'success' })` */
export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast() needs <ToastProvider> above it');
  return useMemo(() => show, [show]);
}
