import { Dialog } from 'radix-ui';
import { useRef, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n';

export type ModalProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  footer?: ReactNode;
};

/**
 * A dialog with a focus trap, Escape to close and a labelled title (Radix Dialog does the hard parts).
 * Opened by state (a row's button) rather than a Dialog.Trigger, Radix has nothing to return focus to:
 * the element that had focus when it opened gets it back on close.
 */
export function Modal({ open, onOpenChange, title, description, children, footer }: ModalProps) {
  const { t } = useI18n();
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Read while rendering the opening: by the time effects run, Radix has moved focus into the dialog.
  if (open && !wasOpen.current)
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  wasOpen.current = open;
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-ink/40" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            if (!opener.current?.isConnected) return;
            event.preventDefault();
            opener.current.focus();
          }}
          className="fixed top-1/2 left-1/2 max-h-[85vh] w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-panel p-5 shadow-xl"
        >
          <Dialog.Title className="text-lg font-semibold text-ink">{title}</Dialog.Title>
          {description ? (
            <Dialog.Description className="mt-1 text-sm text-ink-muted">{description}</Dialog.Description>
          ) : (
            <Dialog.Description className="sr-only">{title}</Dialog.Description>
          )}
          <div className="mt-4">{children}</div>
          <div className="mt-5 flex justify-end gap-2">
            {footer}
            <Dialog.Close className="h-10 rounded-md border border-line px-4 text-sm font-medium hover:bg-surface">
              {t('common.close')}
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
