import type { Problem, Team, Visit } from '../model.ts';
import { PlannerInputError } from '../planner-error.ts';
import { euclideanMatrix } from '../travel.ts';

/**
 * Reads a Solomon VRPTW instance (the 1987 text format) as the standard problem: one day,
 * identical vehicles with the given capacity, Euclidean distances in double precision,
 * service times and hard windows; the depot's due date closes every route.
 *
 * @example
 * const problem = parseSolomon(readFileSync('c101.txt', 'utf8'), 'c101');
 * const { plan } = solveHorizon(problem, { timeLimitMs: 10_000 });
 */
export function parseSolomon(text: string, name = 'solomon'): Problem {
  const lines = text.split(/\r?\n/);
  const vehicleLine = lines.findIndex((l) => /^\s*NUMBER\s+CAPACITY/i.test(l));
  const fleet = lines[vehicleLine + 1]?.trim().split(/\s+/).map(Number) ?? [];
  const [vehicles, capacity] = fleet;
  if (
    vehicleLine < 0 ||
    vehicles === undefined ||
    capacity === undefined ||
    !Number.isFinite(vehicles) ||
    !Number.isFinite(capacity)
  ) {
    throw new PlannerInputError('invalid-number', `${name}: VEHICLE`, 'no "NUMBER CAPACITY" line with two numbers');
  }
  const rows = lines
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((cols) => cols.length === 7 && cols.every((c) => Number.isFinite(c)));
  const depot = rows[0];
  if (!depot || depot[0] !== 0)
    throw new PlannerInputError('invalid-number', `${name}: CUSTOMER`, 'no depot row (customer 0)');
  const points = rows.map((r) => ({ x: r[1] as number, y: r[2] as number }));
  const day = 'day';
  const teams: Team[] = Array.from({ length: vehicles }, (_, i) => ({
    id: `vehicle-${i + 1}`,
    start: 0,
    end: 0,
    skills: [],
    capacity,
    shifts: [{ day, start: depot[4] as number, end: depot[5] as number }],
  }));
  const visits: Visit[] = rows.slice(1).map((r, i) => ({
    id: String(r[0]),
    location: i + 1,
    duration: r[6] as number,
    demand: r[3] as number,
    window: { start: r[4] as number, end: r[5] as number },
  }));
  return {
    days: [day],
    teams,
    visits,
    matrix: euclideanMatrix(points),
    objective: { bundleWeight: 0, balance: 0 },
  };
}
