import { lazy, Suspense, useState } from 'react';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { Notice, Spinner } from '../../../design/status-message';
import { TableScroll } from '../../../design/table-scroll';
import { amsterdamDay } from '../../../lib/format/date';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n';
import { usePlanningTeams, useTeamRoute, type Route } from '../api/optimiser';

/** When a team is back at its base at the latest (HH:MM compares as text). */
const WORKDAY_END = '17:30';

// The map brings d3-geo and the province outlines: loaded only when a route is shown.
const NetherlandsMap = lazy(() => import('../../../design/netherlands-map'));

/** Choose a team and a day; see its stops in order with times, and on the map. */
export function DayRouteView() {
  const { t } = useI18n();
  const teams = usePlanningTeams();
  const [teamId, setTeamId] = useState('');
  const [date, setDate] = useState(amsterdamDay);
  const route = useTeamRoute(teamId, date);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <Select
          label={t('optimiser.team')}
          value={teamId}
          onValueChange={setTeamId}
          options={[
            { value: '', label: t('routes.chooseTeam') },
            ...(teams.data ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` })),
          ]}
        />
        <Input label={t('optimiser.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      {route.error ? <ErrorNotice error={route.error} /> : null}
      {teamId && !route.data && !route.error ? <Spinner label={t('common.loading')} /> : null}
      {route.data ? <RouteDetails route={route.data} /> : null}
    </div>
  );
}

function RouteDetails({ route }: { route: Route }) {
  const { t } = useI18n();
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Card title={`${route.teamName}`}>
        {route.weather.available ? (
          route.weather.severe.length ? (
            <Notice tone="error">
              {t('routes.severe', {
                kinds: route.weather.severe.map((k) => t(`routes.severe.${k}` as MessageKey)).join(', '),
              })}
            </Notice>
          ) : null
        ) : (
          <Notice>{t('optimiser.noWeather')}</Notice>
        )}
        {!route.stops.length ? <p className="mt-2 text-sm text-ink-muted">{t('routes.noStops')}</p> : null}
        {route.stops.length ? (
          <>
            <p className="my-2 text-sm">
              {t('routes.totals', {
                departure: route.departure ?? '—',
                back: route.returnAt ?? '—',
                km: route.totals.km,
                travel: route.totals.travelMinutes,
                work: route.totals.workMinutes,
                source: route.travelSource,
              })}
            </p>
            {route.returnAt && route.returnAt > WORKDAY_END ? (
              <Notice tone="error">{t('routes.overtime', { back: route.returnAt })}</Notice>
            ) : null}
            <TableScroll label={t('routes.title')}>
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left text-ink-muted">
                    <th className="p-1">{t('routes.stop')}</th>
                    <th className="p-1">{t('optimiser.visit')}</th>
                    <th className="p-1">{t('routes.address')}</th>
                    <th className="p-1">{t('routes.arrival')}</th>
                    <th className="p-1">{t('routes.start')}</th>
                    <th className="p-1">{t('routes.end')}</th>
                    <th className="p-1 text-right">{t('routes.travel')}</th>
                    <th className="p-1 text-right">{t('routes.work')}</th>
                  </tr>
                </thead>
                <tbody>
                  {route.stops.map((s, i) => (
                    <tr key={s.visitId} className="border-t border-line">
                      <td className="p-1">{i + 1}</td>
                      <td className="p-1">
                        {s.number}
                        {s.badWeather ? ` (${t('optimiser.badWeather')})` : ''}
                      </td>
                      <td className="p-1">
                        {s.customerName}, {s.street}, {s.city}
                      </td>
                      <td className="p-1">{s.arrival}</td>
                      <td className="p-1">{s.start}</td>
                      <td className="p-1">{s.end}</td>
                      <td className="p-1 text-right">
                        {t('routes.minutes', { minutes: s.travelMinutes })} / {t('routes.km', { km: s.travelKm })}
                      </td>
                      <td className="p-1 text-right">{t('routes.minutes', { minutes: s.workMinutes })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        ) : null}
        {route.withoutLocation.length ? (
          <p className="mt-2 text-sm text-ink-muted">
            {t('routes.withoutLocation', { numbers: route.withoutLocation.join(', ') })}
          </p>
        ) : null}
      </Card>
      <Card title={t('routes.map')}>
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <NetherlandsMap
            label={t('routes.map')}
            caption={t('routes.attribution')}
            base={{ ...route.base, title: t('routes.base', { label: route.base.label }) }}
            stops={route.stops.map((s) => ({
              id: s.visitId,
              lat: s.lat,
              lon: s.lon,
              title: `${s.number} ${s.customerName}`,
              alert: s.badWeather,
            }))}
          />
        </Suspense>
      </Card>
    </div>
  );
}
