import type { Problem, Team, Visit } from '../model.ts';
import { PlannerInputError } from '../planner-error.ts';

/**
 * Reads a CVRPLIB / TSPLIB `.vrp` instance (EUC_2D) as the standard capacitated problem:
 * distances rounded to the nearest integer as TSPLIB's `nint` (the convention of the
 * published best-known values), no time limits, and an unlimited fleet.
 *
 * @example
 * const problem = parseCvrplib(readFileSync('A-n32-k5.vrp', 'utf8'), 'A-n32-k5');
 * const { plan } = solveHorizon(problem, { timeLimitMs: 5_000 });
 */
export function parseCvrplib(text: string, name = 'cvrplib'): Problem {
  const header = new Map<string, string>();
  const coords = new Map<number, { x: number; y: number }>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line === 'EOF') continue;
    const keyValue = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (keyValue) {
      header.set(keyValue[1] as string, (keyValue[2] as string).trim());
      continue;
    }
    if (/^[A-Z_]+$/.test(line)) {
      section = line;
      continue;
    }
    const cols = line.split(/\s+/).map(Number);
    if (section === 'NODE_COORD_SECTION') coords.set(cols[0] as number, { x: cols[1] as number, y: cols[2] as number });
    else if (section === 'DEMAND_SECTION') demands.set(cols[0] as number, cols[1] as number);
    else if (section === 'DEPOT_SECTION' && (cols[0] as number) > 0) depots.push(cols[0] as number);
  }
  const type = header.get('EDGE_WEIGHT_TYPE');
  if (type !== 'EUC_2D')
    throw new PlannerInputError('invalid-number', `${name}: EDGE_WEIGHT_TYPE`, `only EUC_2D is supported, got ${type}`);
  const capacity = Number(header.get('CAPACITY'));
  if (!Number.isFinite(capacity))
    throw new PlannerInputError('invalid-number', `${name}: CAPACITY`, 'missing capacity');
  const depot = depots[0] ?? 1;
  const ids = [depot, ...[...coords.keys()].filter((id) => id !== depot).sort((a, b) => a - b)];
  const points = ids.map((id) => coords.get(id) as { x: number; y: number });
  const size = points.length;
  const distances = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const a = points[i] as { x: number; y: number };
      const b = points[j] as { x: number; y: number };
      distances[i * size + j] = Math.floor(Math.hypot(a.x - b.x, a.y - b.y) + 0.5);
    }
  }
  const day = 'day';
  const visits: Visit[] = ids
    .slice(1)
    .map((id, i) => ({ id: String(id), location: i + 1, duration: 0, demand: demands.get(id) ?? 0 }));
  const teams: Team[] = visits.map((_, i) => ({
    id: `vehicle-${i + 1}`,
    start: 0,
    end: 0,
    skills: [],
    capacity,
    shifts: [{ day, start: 0, end: Number.MAX_SAFE_INTEGER }],
  }));
  return {
    days: [day],
    teams,
    visits,
    matrix: { size, distances, durations: distances },
    objective: { bundleWeight: 0, balance: 0 },
  };
}
