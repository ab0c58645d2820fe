import type { GeoPoint, TravelMatrix } from '@chargecars/planner';
import { BilingualError } from '../../../platform/errors.ts';
import type { TravelProvider } from './travel-provider.ts';

/** OSRM's default `--max-table-size` is 100 locations per request; larger matrices go in blocks. */
const BLOCK = 100;
const TIMEOUT_MS = 10_000;

type OsrmTable = { code?: string; message?: string; durations?: (number | null)[][]; distances?: (number | null)[][] };

/**
 * Travel times from an OSRM server's table service (`/table/v1/driving/{lon,lat;...}` with
 * `annotations=duration,distance`): seconds become minutes and metres kilometres. A pair OSRM cannot
 * route (null) or an error answer fails the whole matrix with a clear message, since a plan on
 * half-known travel would be wrong without saying so.
 */
export function createOsrmTravel(baseUrl: string, fetchImpl: typeof fetch = fetch): TravelProvider {
  const root = baseUrl.replace(/\/$/, '');
  async function block(points: readonly GeoPoint[], sources: number[], destinations: number[]) {
    const used = [...new Set([...sources, ...destinations])];
    const at = new Map(used.map((p, i) => [p, i]));
    const coords = used.map((p) => `${points[p]!.lon.toFixed(6)},${points[p]!.lat.toFixed(6)}`).join(';');
    const url = new URL(`${root}/table/v1/driving/${coords}`);
    url.searchParams.set('annotations', 'duration,distance');
    url.searchParams.set('sources', sources.map((p) => at.get(p)).join(';'));
    url.searchParams.set('destinations', destinations.map((p) => at.get(p)).join(';'));
    let res: Response;
    try {
      res = await fetchImpl(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
    } catch (err) {
      throw unreachable(String((err as Error).message));
    }
    const body = (await res.json().catch(() => ({}))) as OsrmTable;
    if (!res.ok || body.code !== 'Ok' || !body.durations || !body.distances)
      throw unreachable(`${res.status} ${body.code ?? ''} ${body.message ?? ''}`.trim());
    return { durations: body.durations, distances: body.distances };
  }
  return {
    name: 'OSRM',
    async matrix(points) {
      const size = points.length;
      const durations = new Float64Array(size * size);
      const distances = new Float64Array(size * size);
      const all = Array.from({ length: size }, (_, i) => i);
      for (let i = 0; i < size; i += BLOCK) {
        const sources = all.slice(i, i + BLOCK);
        for (let j = 0; j < size; j += BLOCK) {
          const destinations = all.slice(j, j + BLOCK);
          const answer = await block(points, sources, destinations);
          sources.forEach((from, a) =>
            destinations.forEach((to, b) => {
              const seconds = answer.durations[a]?.[b];
              const metres = answer.distances[a]?.[b];
              if (seconds == null || metres == null) throw unroutable(points[from]!, points[to]!);
              durations[from * size + to] = seconds / 60;
              distances[from * size + to] = metres / 1000;
            }),
          );
        }
      }
      return { size, durations, distances } satisfies TravelMatrix;
    },
  };
}

const unreachable = (detail: string) =>
  new BilingualError(502, 'travel_unavailable', {
    nl: `De routeplanner (OSRM) gaf geen reistijden: ${detail}`,
    en: `The route service (OSRM) gave no travel times: ${detail}`,
  });

const unroutable = (a: GeoPoint, b: GeoPoint) =>
  new BilingualError(502, 'travel_unroutable', {
    nl: `De routeplanner (OSRM) vindt geen route van ${a.lat},${a.lon} naar ${b.lat},${b.lon}`,
    en: `The route service (OSRM) finds no route from ${a.lat},${a.lon} to ${b.lat},${b.lon}`,
  });
