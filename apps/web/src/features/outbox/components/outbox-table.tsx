import { useMemo, useState } from 'react';
import type { DataTableColumn } from '../../../design/data-table';
import { QueryDataTable } from '../../../design/query-data-table';
import { Modal } from '../../../design/modal';
import { formatDateTime } from '../../../lib/format/date';
import { useI18n } from '../../../lib/i18n/i18n';
import { useOutboxEmails, type OutboxEmail, type OutboxParams } from '../api/list-outbox-emails';
import { LinkifiedText } from './linkified-text';

export function OutboxTable({
  params,
  onPageChange,
  onPageSizeChange,
}: {
  params: OutboxParams;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
}) {
  const { t, label } = useI18n();
  const query = useOutboxEmails(params);
  const [open, setOpen] = useState<OutboxEmail | null>(null);

  const columns = useMemo<DataTableColumn<OutboxEmail>[]>(
    () => [
      {
        id: 'createdAt',
        header: t('outbox.createdAt'),
        cell: (m) => formatDateTime(m.createdAt),
        className: 'whitespace-nowrap',
      },
      { id: 'to', header: t('outbox.to'), cell: (m) => m.to },
      {
        id: 'subject',
        header: t('outbox.subject'),
        cell: (m) => (
          <button
            type="button"
            className="text-left font-medium text-brand-700 hover:underline"
            onClick={() => setOpen(m)}
          >
            {m.subject}
          </button>
        ),
      },
      { id: 'status', header: t('outbox.status'), cell: (m) => label('messageStatus', m.status) },
    ],
    [t, label],
  );

  return (
    <>
      <QueryDataTable
        label={t('outbox.title')}
        columns={columns}
        query={query}
        params={params}
        getRowId={(m) => m.id}
        onPageChange={onPageChange}
        onPageSizeChange={onPageSizeChange}
      />
      <Modal
        open={open !== null}
        onOpenChange={(o) => !o && setOpen(null)}
        title={open?.subject ?? ''}
        description={open ? `${t('outbox.to')}: ${open.to} · ${formatDateTime(open.createdAt)}` : ''}
      >
        {open ? <LinkifiedText text={open.bodyText} /> : null}
      </Modal>
    </>
  );
}
