import type { DayForecast, WeatherProvider } from './weather-provider.ts';

const TIMEOUT_MS = 5_000;

type OpenMeteoDaily = {
  daily?: {
    time?: string[];
    precipitation_sum?: (number | null)[];
    temperature_2m_min?: (number | null)[];
    wind_gusts_10m_max?: (number | null)[];
  };
};

/**
 * Open-Meteo's forecast API (`/v1/forecast`, daily values in Europe/Amsterdam). Several points go in
 * one request (comma-separated coordinates); Open-Meteo then answers with an array, one object per
 * point. A day with a missing value counts as calm: no forecast is no reason to move work.
 */
export function createOpenMeteoWeather(baseUrl: string, fetchImpl: typeof fetch = fetch): WeatherProvider {
  const root = baseUrl.replace(/\/$/, '');
  return {
    name: 'Open-Meteo',
    async forecast(points, from, to) {
      if (!points.length) return [];
      const url = new URL(`${root}/v1/forecast`);
      url.searchParams.set('latitude', points.map((p) => p.lat.toFixed(4)).join(','));
      url.searchParams.set('longitude', points.map((p) => p.lon.toFixed(4)).join(','));
      url.searchParams.set('daily', 'precipitation_sum,temperature_2m_min,wind_gusts_10m_max');
      url.searchParams.set('timezone', 'Europe/Amsterdam');
      url.searchParams.set('start_date', from);
      url.searchParams.set('end_date', to);
      const res = await fetchImpl(url, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
      const body = (await res.json().catch(() => null)) as
        | OpenMeteoDaily
        | OpenMeteoDaily[]
        | { reason?: string }
        | null;
      if (!res.ok)
        throw new Error(`Open-Meteo antwoordde ${res.status}: ${(body as { reason?: string })?.reason ?? ''}`);
      const perPoint = (Array.isArray(body) ? body : [body]) as OpenMeteoDaily[];
      if (perPoint.length !== points.length) throw new Error('Open-Meteo gaf niet voor elk punt een verwachting');
      return perPoint.map((p) => {
        const d = p.daily ?? {};
        return (d.time ?? []).map(
          (date, i): DayForecast => ({
            date,
            precipitationMm: d.precipitation_sum?.[i] ?? 0,
            minTemperatureC: d.temperature_2m_min?.[i] ?? 10,
            maxGustKmh: d.wind_gusts_10m_max?.[i] ?? 0,
          }),
        );
      });
    },
  };
}
