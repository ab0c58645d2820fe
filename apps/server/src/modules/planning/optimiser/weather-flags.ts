import { REGIONS } from '@chargecars/geo';
import type { Db } from '../../../platform/db/client.ts';
import { outdoorVisitIds, plannedVisits } from '../../../read-models/planning-inputs.ts';
import { hubForecast } from './compute-proposal.ts';
import { nearestHub } from './build-problem.ts';
import { severeWeather, type WeatherProvider } from './weather-provider.ts';

/**
 * The days with a severe forecast per region, and the planned outdoor visits that fall on one (the
 * board shows them; the optimiser avoids them). Without a forecast: `available: false`, nothing flagged.
 */
export async function weatherFlags(deps: { db: Db; weather: WeatherProvider }, from: string, to: string) {
  const forecast = await hubForecast(deps.weather, from, to);
  if (!forecast) return { available: false, provider: deps.weather.name, days: [], visits: [] };
  const days = REGIONS.flatMap((r, i) =>
    (forecast[i] ?? []).flatMap((f) => {
      const severe = severeWeather(f);
      return severe.length ? [{ date: f.date, regionCode: r.code, severe }] : [];
    }),
  );
  const planned = (await plannedVisits(deps.db, from, to)).filter((v) => v.lat !== null && v.lon !== null);
  const outdoor = await outdoorVisitIds(
    deps.db,
    planned.map((v) => v.id),
  );
  const flagged = planned.flatMap((v) => {
    if (!outdoor.has(v.id)) return [];
    const f = forecast[nearestHub({ lat: v.lat!, lon: v.lon! })]?.find((d) => d.date === v.date);
    const severe = f ? severeWeather(f) : [];
    return severe.length ? [{ visitId: v.id, number: v.number, date: v.date!, teamId: v.teamId, severe }] : [];
  });
  return { available: true, provider: deps.weather.name, days, visits: flagged };
}
