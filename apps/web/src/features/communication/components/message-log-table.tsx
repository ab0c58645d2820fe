import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { DataTableColumn } from '../../../design/data-table';
import { Modal } from '../../../design/modal';
import { QueryDataTable } from '../../../design/query-data-table';
import { Select } from '../../../design/select';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMessages, type MessageLogItem, type MessageLogParams } from '../api/list-messages';
import { MessageStatus } from './message-status';

const ALL = 'all';
const DIRECTIONS = ['outbound', 'inbound'] as const;
const CHANNELS = ['email', 'sms', 'whatsapp'] as const;
const STATUSES = ['queued', 'stored', 'sent', 'delivered', 'bounced', 'failed', 'skipped'] as const;
export const MESSAGE_FILTERS = ['direction', 'channel', 'status'] as const;

/** Who a message went to, or (inbound) who sent it: linked to the customer, or said to be unknown. */
function Contact({ message }: { message: MessageLogItem }) {
  const { t } = useI18n();
  const address = message.direction === 'inbound' ? (message.from ?? '') : message.to;
  return (
    <span className="flex flex-col">
      <span className="text-xs text-ink-muted">
        {message.direction === 'inbound' ? t('communication.from') : t('communication.to')}
      </span>
      {message.customerId ? (
        <Link to={`/ops/customers/${message.customerId}`} className="whitespace-nowrap text-brand-700 hover:underline">
          {address}
        </Link>
      ) : (
        <span className="whitespace-nowrap">{address}</span>
      )}
      {message.direction === 'inbound' && !message.customerId ? (
        <span className="text-xs text-warning-700">{t('communication.unknownSender')}</span>
      ) : null}
    </span>
  );
}

/** The message log: every message on every channel with its delivery status, filtered on the server. */
export function MessageLogTable({
  params,
  onFilterChange,
  ...handlers
}: {
  params: MessageLogParams;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
  onSearchChange: (q: string) => void;
  onFilterChange: (key: (typeof MESSAGE_FILTERS)[number], value: string | undefined) => void;
}) {
  const { t, label, formatDateTime } = useI18n();
  const query = useMessages(params);
  const [open, setOpen] = useState<MessageLogItem | null>(null);
  const columns = useMemo<DataTableColumn<MessageLogItem>[]>(
    () => [
      {
        id: 'createdAt',
        header: t('communication.createdAt'),
        cell: (m) => formatDateTime(m.createdAt),
        className: 'whitespace-nowrap',
      },
      { id: 'channel', header: t('communication.channel'), cell: (m) => label('messageChannel', m.channel) },
      { id: 'type', header: t('communication.type'), cell: (m) => label('messageType', m.messageType) },
      { id: 'contact', header: t('communication.contact'), cell: (m) => <Contact message={m} /> },
      {
        id: 'subject',
        header: t('communication.subject'),
        cell: (m) => (
          <button
            type="button"
            className="text-left font-medium text-brand-700 hover:underline"
            onClick={() => setOpen(m)}
          >
            {m.subject || m.bodyText.slice(0, 60)}
          </button>
        ),
      },
      { id: 'status', header: t('communication.status'), cell: (m) => <MessageStatus message={m} /> },
    ],
    [t, label],
  );
  const filter = (key: (typeof MESSAGE_FILTERS)[number]) => (v: string | undefined) =>
    onFilterChange(key, v === ALL ? undefined : v);
  return (
    <>
      <QueryDataTable
        label={t('communication.log')}
        columns={columns}
        query={query}
        params={params}
        getRowId={(m) => m.id}
        searchLabel={t('communication.search')}
        toolbar={
          <>
            <Select
              label={t('communication.direction')}
              value={params.direction ?? ALL}
              onValueChange={filter('direction')}
              options={[
                { value: ALL, label: t('communication.allDirections') },
                ...DIRECTIONS.map((d) => ({ value: d, label: label('messageDirection', d) })),
              ]}
            />
            <Select
              label={t('communication.channel')}
              value={params.channel ?? ALL}
              onValueChange={filter('channel')}
              options={[
                { value: ALL, label: t('communication.allChannels') },
                ...CHANNELS.map((c) => ({ value: c, label: label('messageChannel', c) })),
              ]}
            />
            <Select
              label={t('communication.status')}
              value={params.status ?? ALL}
              onValueChange={filter('status')}
              options={[
                { value: ALL, label: t('communication.allStatuses') },
                ...STATUSES.map((s) => ({ value: s, label: label('messageStatus', s) })),
              ]}
            />
          </>
        }
        {...handlers}
      />
      <Modal
        open={open !== null}
        onOpenChange={(o) => !o && setOpen(null)}
        title={open?.subject || label('messageType', open?.messageType ?? 'general')}
        description={
          open
            ? open.direction === 'inbound'
              ? `${t('communication.from')}: ${open.from ?? ''} · ${formatDateTime(open.createdAt)}`
              : `${t('communication.to')}: ${open.to} · ${formatDateTime(open.createdAt)}`
            : ''
        }
      >
        {open ? (
          <div className="flex flex-col gap-3">
            <MessageStatus message={open} />
            <p className="text-sm break-words whitespace-pre-wrap">{open.bodyText}</p>
            {open.attachments.length ? (
              <p className="text-sm text-ink-muted">
                {t('communication.attachments')}: {open.attachments.join(', ')}
              </p>
            ) : null}
          </div>
        ) : null}
      </Modal>
    </>
  );
}
