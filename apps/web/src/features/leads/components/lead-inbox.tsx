import { TableScroll } from '../../../design/table-scroll';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Input } from '../../../design/input';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useLeads, type LeadFilters } from '../api/list-leads';
import { useEntityName } from '../../reference/api/list-entities';

const STATUSES = ['', 'received', 'awaiting_intake', 'qualified', 'converted', 'rejected'];

/** The lead inbox: filters by status, entity, region, score and SLA. Partners see their own leads (server-scoped). */
export function LeadInbox({ leadHref, showPartner }: { leadHref: (id: string) => string; showPartner: boolean }) {
  const entityName = useEntityName();
  const { t, label, formatDateTime } = useI18n();
  const [filters, setFilters] = useState<LeadFilters>({ page: 1 });
  const leads = useLeads(filters);
  const set = (patch: Partial<LeadFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  return (
    <div className="flex flex-col gap-3">
      <form
        className="flex flex-wrap items-end gap-2"
        aria-label={t('leads.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t('leads.status')}
          <select
            className="h-10 rounded-md border border-line bg-panel px-2"
            value={filters.status ?? ''}
            onChange={(e) => set({ status: e.target.value || undefined })}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s ? label('leadStatus', s) : t('leads.all')}
              </option>
            ))}
          </select>
        </label>
        <Input
          label={t('leads.search')}
          value={filters.q ?? ''}
          onChange={(e) => set({ q: e.target.value || undefined })}
        />
        {showPartner ? (
          <Input
            label={t('leads.entity')}
            value={filters.entity ?? ''}
            onChange={(e) => set({ entity: e.target.value || undefined })}
            className="w-36"
          />
        ) : null}
        <Input
          label={t('leads.region')}
          value={filters.region ?? ''}
          onChange={(e) => set({ region: e.target.value.toUpperCase() || undefined })}
          className="w-36"
        />
        <Input
          label={t('leads.minScore')}
          type="number"
          min={0}
          max={100}
          value={filters.minScore ?? ''}
          onChange={(e) => set({ minScore: e.target.value || undefined })}
          className="w-28"
        />
        {showPartner ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={filters.overdue === 'true'}
              onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
            />{' '}
            {t('leads.overdue')}
          </label>
        ) : null}
      </form>
      {leads.isError ? <Notice tone="error">{t('common.loadFailed')}</Notice> : null}
      {leads.isPending ? <Spinner label={t('common.loading')} /> : null}
      {leads.data ? (
        <>
          <TableScroll label={t('leads.title')}>
            <table className="w-full text-left text-sm" aria-label={t('leads.title')}>
              <thead className="text-ink-muted">
                <tr>
                  <th scope="col" className="px-2 py-2">
                    {t('leads.number')}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t('leads.name')}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t('leads.place')}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t('leads.status')}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right">
                    {t('leads.score')}
                  </th>
                  {showPartner ? (
                    <th scope="col" className="px-2 py-2">
                      {t('leads.partner')}
                    </th>
                  ) : null}
                  <th scope="col" className="px-2 py-2">
                    {t('leads.entity')}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t('leads.received')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {leads.data.items.map((l) => (
                  <tr key={l.id} className="border-t border-line">
                    <td className="px-2 py-2">
                      <Link className="text-brand-700 underline" to={leadHref(l.id)}>
                        {l.number}
                      </Link>
                    </td>
                    <td className="px-2 py-2">
                      {l.name}
                      {l.isRepeat ? <span className="ml-1 text-xs text-ink-subtle">({t('leads.repeat')})</span> : null}
                    </td>
                    <td className="px-2 py-2">{[l.postcode, l.city].filter(Boolean).join(' ')}</td>
                    <td className="px-2 py-2">
                      {label('leadStatus', l.status)}
                      {l.overdue ? <span className="ml-1 text-xs text-danger-700">{t('leads.overdue')}</span> : null}
                    </td>
                    <td className="px-2 py-2 text-right tabular-nums">{l.score ?? '–'}</td>
                    {showPartner ? <td className="px-2 py-2">{l.partnerName ?? '–'}</td> : null}
                    <td className="px-2 py-2">
                      {entityName(l.entityId)}
                      {l.regionCode ? ` · ${l.regionCode}` : ''}
                    </td>
                    <td className="px-2 py-2">{formatDateTime(l.receivedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {leads.data.items.length === 0 ? <p className="text-sm text-ink-muted">{t('leads.none')}</p> : null}
          <div className="flex items-center gap-2 text-sm">
            <Button
              size="sm"
              variant="secondary"
              disabled={filters.page <= 1}
              onClick={() => set({ page: filters.page - 1 })}
            >
              {t('leads.previous')}
            </Button>
            <span>{t('leads.pageOf', { page: filters.page, total: leads.data.total })}</span>
            <Button
              size="sm"
              variant="secondary"
              disabled={filters.page * 50 >= leads.data.total}
              onClick={() => set({ page: filters.page + 1 })}
            >
              {t('leads.next')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
