import type { Problem, SearchOptions, TimeWindow, TravelMatrix } from './model.ts';
import { PlannerInputError } from './planner-error.ts';
import { haversineMatrix } from './travel.ts';

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PlannerInputError('invalid-number', field, `expected a finite number, got ${String(value)}`);
  }
  return value;
}

function nonNegative(value: unknown, field: string): number {
  const n = finite(value, field);
  if (n < 0) throw new PlannerInputError('negative-value', field, `must not be negative (${n})`);
  return n;
}

function window(w: TimeWindow, field: string): void {
  finite(w.start, `${field}.start`);
  finite(w.end, `${field}.end`);
  if (w.end < w.start) {
    throw new PlannerInputError('window-ends-before-start', field, `ends (${w.end}) before it starts (${w.start})`);
  }
}

function uniqueIds(items: readonly { id: string }[], field: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (typeof item.id !== 'string')
      throw new PlannerInputError('unknown-reference', `${field}[${i}].id`, 'must be a string');
    if (index.has(item.id))
      throw new PlannerInputError('duplicate-id', `${field}[${i}].id`, `"${item.id}" is used twice`);
    index.set(item.id, i);
  });
  return index;
}

// Matrices are treated as immutable: one full scan per matrix object keeps repeated calls
// (insertion for self-scheduling) from paying O(size²) each time.
const scannedMatrices = new WeakSet<TravelMatrix>();

function validateMatrix(matrix: TravelMatrix, expectedSize: number | undefined): void {
  const size = matrix.size;
  if (!Number.isInteger(size) || size < 0)
    throw new PlannerInputError('matrix-size', 'matrix.size', 'must be a whole number');
  if (expectedSize !== undefined && expectedSize !== size) {
    throw new PlannerInputError('matrix-size', 'matrix.size', `is ${size} but there are ${expectedSize} locations`);
  }
  if (scannedMatrices.has(matrix)) return;
  for (const key of ['durations', 'distances'] as const) {
    const values = matrix[key];
    if (values.length !== size * size) {
      throw new PlannerInputError(
        'matrix-size',
        `matrix.${key}`,
        `has ${values.length} entries, expected ${size}×${size}`,
      );
    }
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!(v >= 0) || v === Infinity) {
        const field = `matrix.${key}[${Math.floor(i / size)}][${i % size}]`;
        throw new PlannerInputError(
          Number.isFinite(v) ? 'negative-value' : 'invalid-number',
          field,
          `invalid travel value ${v}`,
        );
      }
    }
  }
  scannedMatrices.add(matrix);
}

function checkLocation(location: unknown, size: number, field: string): void {
  if (typeof location !== 'number' || !Number.isInteger(location) || location < 0 || location >= size) {
    throw new PlannerInputError(
      'location-out-of-range',
      field,
      `location ${String(location)} is not in 0..${size - 1}`,
    );
  }
}

function checkPrecedenceAcyclic(problem: Problem, visitIndex: Map<string, number>): void {
  // Colours: 0 unseen, 1 on the stack, 2 done. Iterative to survive long chains.
  const colour = new Uint8Array(problem.visits.length);
  for (let root = 0; root < problem.visits.length; root++) {
    if (colour[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    colour[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const after = problem.visits[top[0]]?.after ?? [];
      if (top[1] >= after.length) {
        colour[top[0]] = 2;
        stack.pop();
        continue;
      }
      const next = visitIndex.get(after[top[1]++] as string) as number;
      if (colour[next] === 1) {
        throw new PlannerInputError(
          'precedence-cycle',
          `visits[${next}].after`,
          'visits wait for each other in a cycle',
        );
      }
      if (colour[next] === 0) {
        colour[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
}

/**
 * Rejects malformed input with a {@link PlannerInputError} and returns the travel matrix to
 * use (the caller's, or the haversine default built from `locations`). Every mode calls it;
 * call it yourself to check input at the edge of your system.
 *
 * @example
 * try {
 *   validateProblem(problem);
 * } catch (error) {
 *   if (error instanceof PlannerInputError) console.error(error.code, error.field); // 'window-ends-before-start', 'visits[3].window'
 * }
 */
export function validateProblem(problem: Problem): TravelMatrix {
  if (!Array.isArray(problem.days) || !Array.isArray(problem.teams) || !Array.isArray(problem.visits)) {
    throw new PlannerInputError('unknown-reference', 'problem', 'days, teams and visits must be arrays');
  }
  const dayIndex = new Map<string, number>();
  problem.days.forEach((d, i) => {
    if (dayIndex.has(d)) throw new PlannerInputError('duplicate-id', `days[${i}]`, `"${d}" is listed twice`);
    dayIndex.set(d, i);
  });
  const locationCount = problem.locations?.length;
  let matrix: TravelMatrix;
  if (problem.matrix) {
    validateMatrix(problem.matrix, locationCount);
    matrix = problem.matrix;
  } else if (problem.locations) {
    problem.locations.forEach((p, i) => {
      finite(p.lat, `locations[${i}].lat`);
      finite(p.lon, `locations[${i}].lon`);
    });
    matrix = haversineMatrix(problem.locations);
  } else {
    throw new PlannerInputError('missing-travel', 'matrix', 'give a travel matrix or locations');
  }

  const regionIds = new Set((problem.regions ?? []).map((r) => r.id));
  const teamIndex = uniqueIds(problem.teams, 'teams');
  problem.teams.forEach((team, t) => {
    const f = `teams[${t}]`;
    checkLocation(team.start, matrix.size, `${f}.start`);
    checkLocation(team.end, matrix.size, `${f}.end`);
    const seenDays = new Set<string>();
    team.shifts.forEach((shift, s) => {
      if (!dayIndex.has(shift.day))
        throw new PlannerInputError('unknown-day', `${f}.shifts[${s}].day`, `"${shift.day}" is not a planning day`);
      if (seenDays.has(shift.day))
        throw new PlannerInputError('duplicate-id', `${f}.shifts[${s}].day`, 'two shifts on one day');
      seenDays.add(shift.day);
      window(shift, `${f}.shifts[${s}]`);
    });
    team.regions?.forEach((r, i) => {
      if (!regionIds.has(r))
        throw new PlannerInputError('unknown-reference', `${f}.regions[${i}]`, `unknown region "${r}"`);
    });
    if (team.maxVisitsPerDay !== undefined) nonNegative(team.maxVisitsPerDay, `${f}.maxVisitsPerDay`);
    if (team.capacity !== undefined) nonNegative(team.capacity, `${f}.capacity`);
  });

  const visitIndex = uniqueIds(problem.visits, 'visits');
  problem.visits.forEach((visit, v) => {
    const f = `visits[${v}]`;
    checkLocation(visit.location, matrix.size, `${f}.location`);
    nonNegative(visit.duration, `${f}.duration`);
    if (visit.window) window(visit.window, `${f}.window`);
    if (visit.priority !== undefined) nonNegative(visit.priority, `${f}.priority`);
    if (visit.demand !== undefined) nonNegative(visit.demand, `${f}.demand`);
    visit.days?.forEach((d, i) => {
      if (!dayIndex.has(d))
        throw new PlannerInputError('unknown-day', `${f}.days[${i}]`, `"${d}" is not a planning day`);
    });
    for (const key of ['after', 'differentDayFrom'] as const) {
      visit[key]?.forEach((id, i) => {
        if (!visitIndex.has(id) || id === visit.id) {
          throw new PlannerInputError('unknown-reference', `${f}.${key}[${i}]`, `unknown visit "${id}"`);
        }
      });
    }
    if (visit.pin?.team !== undefined && !teamIndex.has(visit.pin.team)) {
      throw new PlannerInputError('unknown-reference', `${f}.pin.team`, `unknown team "${visit.pin.team}"`);
    }
    if (visit.pin?.day !== undefined && !dayIndex.has(visit.pin.day)) {
      throw new PlannerInputError('unknown-day', `${f}.pin.day`, `"${visit.pin.day}" is not a planning day`);
    }
  });
  checkPrecedenceAcyclic(problem, visitIndex);

  const weights = problem.objective ?? {};
  for (const [key, value] of Object.entries(weights)) {
    if (value !== undefined) nonNegative(value, `objective.${key}`);
  }
  return matrix;
}

/**
 * Rejects search controls that could never end the search (a NaN or negative budget, or an
 * unbounded one with nothing else to stop it).
 */
export function validateSearchOptions(options: SearchOptions): void {
  const { timeLimitMs, maxIterations } = options;
  if (timeLimitMs !== undefined && !(timeLimitMs >= 0)) {
    throw new PlannerInputError('invalid-number', 'options.timeLimitMs', `must be zero or more, got ${timeLimitMs}`);
  }
  if (maxIterations !== undefined && !(maxIterations >= 0)) {
    throw new PlannerInputError(
      'invalid-number',
      'options.maxIterations',
      `must be zero or more, got ${maxIterations}`,
    );
  }
  const bounded =
    timeLimitMs !== Infinity ||
    (maxIterations !== undefined && maxIterations !== Infinity) ||
    options.shouldStop !== undefined ||
    options.signal !== undefined;
  if (!bounded)
    throw new PlannerInputError(
      'invalid-number',
      'options.timeLimitMs',
      'an endless search needs maxIterations, shouldStop or signal',
    );
}
