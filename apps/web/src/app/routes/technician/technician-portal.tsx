import { useSearchParams } from 'react-router';
import { DayVisits } from '../../../features/visits/components/day-visits';
import { amsterdamDay } from '../../../lib/format/date';
import { useI18n } from '../../../lib/i18n/i18n';
import { PortalShell } from '../shared/portal-shell';
import { PortalRoutes, menuFor } from '../shared/portal-routes';
import { RequireRole } from '../shared/require-role';
import { technicianPages } from '../portal-pages';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `/technician`: a phone-first day list of the technician's own team. */
export function Component() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const requested = params.get('date');
  // The day in the URL survives a reload in the van; without one it is today in Amsterdam.
  const date = requested && DAY.test(requested) ? requested : amsterdamDay();
  return (
    <RequireRole portal="technician">
      {(user) => (
        <PortalShell title={t('technician.portal')} user={user} nav={menuFor(technicianPages, user.role, t)} narrow>
          <PortalRoutes
            base="/technician"
            pages={technicianPages}
            role={user.role}
            elements={{
              '/technician': (
                <DayVisits
                  date={date}
                  teamName={user.teamName}
                  onDateChange={(d) => setParams(d === amsterdamDay() ? {} : { date: d }, { replace: true })}
                />
              ),
            }}
          />
        </PortalShell>
      )}
    </RequireRole>
  );
}
