import { clsx } from 'clsx';
import type { MessageLogItem } from '@chargecars/contract';
import { useI18n } from '../../../lib/i18n/i18n';

const TONE: Record<MessageLogItem['status'], string> = {
  queued: 'border border-line bg-surface text-ink',
  stored: 'border border-line bg-surface text-ink',
  sent: 'bg-info-50 text-ink',
  delivered: 'bg-brand-50 text-brand-800',
  bounced: 'bg-danger-50 text-danger-700',
  failed: 'bg-danger-50 text-danger-700',
  skipped: 'bg-warning-50 text-ink',
  received: 'bg-info-50 text-ink',
};

/** A message's status as a label, with the provider's or the sender's reason beneath it when there is one. */
export function MessageStatus({ message }: { message: Pick<MessageLogItem, 'status' | 'reason'> }) {
  const { label } = useI18n();
  return (
    <span className="flex flex-col gap-0.5">
      <span className={clsx('w-fit rounded px-2 py-0.5 text-xs font-medium', TONE[message.status])}>
        {label('messageStatus', message.status)}
      </span>
      {message.reason ? <span className="max-w-64 text-xs text-ink-muted">{message.reason}</span> : null}
    </span>
  );
}
