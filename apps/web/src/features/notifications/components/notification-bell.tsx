import { clsx } from 'clsx';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { InAppNotification } from '@chargecars/contract';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotificationInbox } from '../api/notifications';

/**
 * The bell in every portal's header: the unread count on the button, and a panel with the latest
 * notifications, each a link to the page it concerns (opening it marks it read), with "mark read" per item
 * and for all. New ones arrive live: the WebSocket's notice makes the inbox query stale.
 */
export function NotificationBell() {
  const { t, formatDateTime } = useI18n();
  const inbox = useNotificationInbox();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const unread = inbox.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const openItem = (n: InAppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        className="relative inline-flex h-8 min-w-8 items-center justify-center rounded-md hover:bg-surface"
        aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread ? (
          <span
            aria-hidden="true"
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-danger-700 px-1 text-center text-xs leading-5 font-semibold text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <section
        id={panelId}
        aria-labelledby={headingId}
        hidden={!open}
        className="fixed inset-x-2 top-14 z-50 max-h-[70vh] overflow-y-auto rounded-md border border-line bg-panel shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-1 sm:w-96"
      >
        <div className="flex items-center justify-between gap-2 border-b border-line px-3 py-2">
          <h2 id={headingId} className="text-sm font-semibold">
            {t('notifications.title')}
          </h2>
          <button
            type="button"
            className="min-h-6 rounded px-2 text-sm text-brand-700 underline-offset-2 hover:underline disabled:text-ink-muted disabled:no-underline"
            disabled={!unread || markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </button>
        </div>
        {inbox.isError ? (
          <p className="px-3 py-4 text-sm text-danger-700">{t('notifications.loadFailed')}</p>
        ) : !inbox.data?.items.length ? (
          <p className="px-3 py-4 text-sm text-ink-muted">{t('notifications.none')}</p>
        ) : (
          <ul className="divide-y divide-line">
            {inbox.data.items.map((n) => (
              <li key={n.id} className={clsx('flex items-start gap-2 px-3 py-2', !n.readAt && 'bg-brand-50')}>
                <Link to={n.link} className="min-h-6 min-w-0 flex-1 rounded" onClick={() => openItem(n)}>
                  <span className="block text-sm font-medium break-words">
                    {n.readAt ? null : <span className="sr-only">{t('notifications.unread')}: </span>}
                    {n.title}
                  </span>
                  <span className="block text-sm break-words text-ink-muted">{n.body}</span>
                  <span className="block text-xs text-ink-muted">{formatDateTime(n.createdAt)}</span>
                </Link>
                {n.readAt ? null : (
                  <button
                    type="button"
                    className="min-h-6 shrink-0 rounded px-2 text-xs text-brand-700 underline-offset-2 hover:underline"
                    aria-label={t('notifications.markReadOf', { title: n.title })}
                    onClick={() => markRead.mutate(n.id)}
                  >
                    {t('notifications.markRead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
