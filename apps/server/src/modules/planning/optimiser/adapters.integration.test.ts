import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineMatrix } from '@chargecars/planner';
import { createOsrmTravel } from './osrm-travel.ts';
import { createOpenMeteoWeather } from './open-meteo-weather.ts';
import { severeWeather } from './weather-provider.ts';

type Handler = (url: URL, res: http.ServerResponse) => void;
/** A loopback HTTP server answering like the real service; `seen` keeps every request's URL. */
function loopback(handler: Handler) {
  const seen: URL[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url);
    handler(url, res);
  });
  return new Promise<{ url: string; seen: URL[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        seen,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}
const json = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** OSRM's /table/v1/driving: durations in seconds and distances in metres (straight line x 1.5 at 50 km/h here). */
function osrmTable(url: URL, res: http.ServerResponse) {
  const match = /^\/table\/v1\/driving\/(.+)$/.exec(url.pathname);
  if (!match) return json(res, 400, { code: 'InvalidUrl', message: 'URL string malformed close to position 1' });
  const coords = match[1]!.split(';').map((c) => {
    const [lon, lat] = c.split(',').map(Number) as [number, number];
    return { lat, lon };
  });
  if (coords.some((c) => c.lat > 60))
    return json(res, 400, { code: 'InvalidValue', message: 'Invalid coordinate value.' });
  const sources = url.searchParams.get('sources')!.split(';').map(Number);
  const destinations = url.searchParams.get('destinations')!.split(';').map(Number);
  const m = haversineMatrix(coords, { roadFactor: 1.5, speedKmh: 50 });
  // A point in the North Sea (lon < 4) cannot be routed: OSRM answers null for it.
  const cell = (a: number, b: number, per: 'distances' | 'durations') =>
    coords[a]!.lon < 4 || coords[b]!.lon < 4
      ? null
      : per === 'distances'
        ? m.distances[a * m.size + b]! * 1000
        : m.durations[a * m.size + b]! * 60;
  json(res, 200, {
    code: 'Ok',
    durations: sources.map((a) => destinations.map((b) => cell(a, b, 'durations'))),
    distances: sources.map((a) => destinations.map((b) => cell(a, b, 'distances'))),
    sources: sources.map((i) => ({ location: [coords[i]!.lon, coords[i]!.lat], name: '' })),
    destinations: destinations.map((i) => ({ location: [coords[i]!.lon, coords[i]!.lat], name: '' })),
  });
}

const NIJKERK = { lat: 52.2267, lon: 5.4756 };
const UTRECHT = { lat: 52.0907, lon: 5.1214 };

describe('OSRM table adapter', () => {
  let osrm: Awaited<ReturnType<typeof loopback>>;
  beforeAll(async () => {
    osrm = await loopback(osrmTable);
  });
  afterAll(() => osrm.close());

  it('turns seconds into minutes and metres into kilometres', async () => {
    const m = await createOsrmTravel(osrm.url).matrix([NIJKERK, UTRECHT]);
    const expected = haversineMatrix([NIJKERK, UTRECHT], { roadFactor: 1.5, speedKmh: 50 });
    expect(m.size).toBe(2);
    expect(m.distances[1]).toBeCloseTo(expected.distances[1]!, 6);
    expect(m.durations[1]).toBeCloseTo(expected.durations[1]!, 6);
    expect(m.durations[0]).toBe(0);
    expect(osrm.seen.at(-1)!.searchParams.get('annotations')).toBe('duration,distance');
    expect(osrm.seen.at(-1)!.pathname).toContain('5.475600,52.226700;5.121400,52.090700');
  });

  it('asks in blocks of 100 locations and fills the whole matrix', async () => {
    const points = Array.from({ length: 130 }, (_, i) => ({ lat: 51.5 + i * 0.01, lon: 5 + (i % 7) * 0.05 }));
    const before = osrm.seen.length;
    const m = await createOsrmTravel(`${osrm.url}/`).matrix(points);
    expect(osrm.seen.length - before).toBe(4);
    const expected = haversineMatrix(points, { roadFactor: 1.5, speedKmh: 50 });
    for (const [a, b] of [
      [0, 129],
      [129, 0],
      [101, 99],
      [64, 120],
    ] as const)
      expect(m.distances[a * 130 + b]).toBeCloseTo(expected.distances[a * 130 + b]!, 6);
  });

  it('refuses an error answer and an unroutable pair with a clear message', async () => {
    await expect(createOsrmTravel(osrm.url).matrix([NIJKERK, { lat: 70, lon: 5 }])).rejects.toThrow(
      /OSRM.*InvalidValue/,
    );
    await expect(createOsrmTravel(osrm.url).matrix([NIJKERK, { lat: 52.5, lon: 3.5 }])).rejects.toThrow(/geen route/);
    await expect(createOsrmTravel('http://127.0.0.1:9').matrix([NIJKERK, UTRECHT])).rejects.toThrow(/OSRM/);
  });
});

/** Open-Meteo's /v1/forecast with daily values; several points give an array. */
function openMeteo(url: URL, res: http.ServerResponse) {
  if (url.pathname !== '/v1/forecast') return json(res, 404, { error: true, reason: 'Not Found' });
  const lats = url.searchParams.get('latitude')!.split(',').map(Number);
  const from = url.searchParams.get('start_date')!;
  if (from < '2026-01-01')
    return json(res, 400, { error: true, reason: 'Parameter start_date is out of allowed range' });
  const one = (lat: number) => ({
    latitude: lat,
    longitude: 5,
    timezone: 'Europe/Amsterdam',
    daily_units: { time: 'iso8601', precipitation_sum: 'mm', temperature_2m_min: '°C', wind_gusts_10m_max: 'km/h' },
    daily: {
      time: ['2026-12-07', '2026-12-08', '2026-12-09'],
      precipitation_sum: [0.4, lat > 52.5 ? 18.2 : 2.0, null],
      temperature_2m_min: [3.1, 4.0, -4.5],
      wind_gusts_10m_max: [30, 41, 82],
    },
  });
  json(res, 200, lats.length === 1 ? one(lats[0]!) : lats.map(one));
}

describe('Open-Meteo weather adapter', () => {
  let meteo: Awaited<ReturnType<typeof loopback>>;
  beforeAll(async () => {
    meteo = await loopback(openMeteo);
  });
  afterAll(() => meteo.close());

  it('reads the daily forecast per point and flags heavy rain, frost and storm', async () => {
    const weather = createOpenMeteoWeather(meteo.url);
    const [south, north] = (await weather.forecast([UTRECHT, { lat: 53.2, lon: 6.56 }], '2026-12-07', '2026-12-09'))!;
    expect(south!.map(severeWeather)).toEqual([[], [], ['frost', 'storm']]);
    expect(north!.map(severeWeather)).toEqual([[], ['rain'], ['frost', 'storm']]);
    expect(north![2]!.precipitationMm).toBe(0);
    const asked = meteo.seen.at(-1)!.searchParams;
    expect(asked.get('daily')).toBe('precipitation_sum,temperature_2m_min,wind_gusts_10m_max');
    expect(asked.get('timezone')).toBe('Europe/Amsterdam');
    expect(asked.get('latitude')).toBe('52.0907,53.2000');
    const [single] = (await weather.forecast([UTRECHT], '2026-12-07', '2026-12-09'))!;
    expect(single).toHaveLength(3);
  });

  it('reports the service refusing', async () => {
    await expect(createOpenMeteoWeather(meteo.url).forecast([UTRECHT], '2025-01-01', '2025-01-02')).rejects.toThrow(
      /400.*start_date/,
    );
  });
});
