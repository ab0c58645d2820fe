import type { Problem, TravelMatrix, UnassignedReason } from '../model.ts';

/** Objective weights after defaults. */
export interface Weights {
  unassigned: number;
  bundleRadius: number;
  bundleWeight: number;
  balance: number;
  move: number;
}

/**
 * The problem flattened into typed arrays for the search: visits are 0..n-1, routes are the
 * team × day pairs on which the team works. Everything the inner loops read lives here.
 */
export interface Instance {
  problem: Problem;
  n: number;
  locations: number;
  dist: Float64Array;
  time: Float64Array;
  loc: Int32Array;
  service: Float64Array;
  twStart: Float64Array;
  twEnd: Float64Array;
  demand: Float64Array;
  /** Cost of leaving the visit unassigned. */
  penalty: Float64Array;
  routeCount: number;
  routeTeam: Int32Array;
  routeDay: Int32Array;
  routeStart: Int32Array;
  routeEnd: Int32Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  capacity: Float64Array;
  maxStops: Int32Array;
  /** Routes in one class are interchangeable while empty, so insertion tries only one of them. */
  routeClass: Int32Array;
  eligibleRoutes: Int32Array[];
  staticReason: (UnassignedReason | null)[];
  preds: Int32Array[];
  succs: Int32Array[];
  differentDay: Int32Array[];
  /** Longest chain of predecessors; recreate inserts low levels first. */
  level: Int32Array;
  /** Route a visit may not leave (-1 = free). */
  fixedRoute: Int32Array;
  /** Route a visit had before a repair (-1 = none); leaving it costs `weights.move`. */
  homeRoute: Int32Array;
  /** Nearest other visits, closest first. */
  neighbors: Int32Array[];
  weights: Weights;
  /** Reusable marks for the insertion loop (an empty route class already tried for a visit). */
  scratch: { stamp: number; classTried: Float64Array };
}

export interface CompileOptions {
  /** visit index -> route index it must stay on. */
  fixedRoute?: Map<number, number>;
  /** visit index -> route index it had before (repair). */
  homeRoute?: Map<number, number>;
  /** Nearest neighbours to keep per visit; 0 (insertion) skips the O(n² log n) sort. */
  neighborCount?: number;
  /** Visits whose eligible routes are needed; default all. Insertion needs only the new one. */
  eligibilityFor?: readonly number[];
}

function toFloat64(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

function regionAllows(problem: Problem, teamRegions: string[] | undefined, pc2: string | undefined): boolean {
  if (teamRegions === undefined || pc2 === undefined) return true;
  return (problem.regions ?? []).some((r) => teamRegions.includes(r.id) && r.pc2.includes(pc2));
}

/** Turns a validated problem into the search's flat arrays. */
export function compileInstance(problem: Problem, matrix: TravelMatrix, options: CompileOptions = {}): Instance {
  const n = problem.visits.length;
  const L = matrix.size;
  const dayIndex = new Map(problem.days.map((d, i) => [d, i]));
  const visitIndex = new Map(problem.visits.map((v, i) => [v.id, i]));
  const w = problem.objective ?? {};
  const weights: Weights = {
    unassigned: w.unassigned ?? 1e6,
    bundleRadius: w.bundleRadius ?? 30,
    bundleWeight: w.bundleWeight ?? 0.5,
    balance: w.balance ?? 0.01,
    move: w.move ?? 1000,
  };

  const routeTeam: number[] = [];
  const routeDay: number[] = [];
  const shiftStartList: number[] = [];
  const shiftEndList: number[] = [];
  problem.teams.forEach((team, t) => {
    const shifts = [...team.shifts].sort((a, b) => (dayIndex.get(a.day) ?? 0) - (dayIndex.get(b.day) ?? 0));
    for (const s of shifts) {
      routeTeam.push(t);
      routeDay.push(dayIndex.get(s.day) ?? 0);
      shiftStartList.push(s.start);
      shiftEndList.push(s.end);
    }
  });
  const R = routeTeam.length;
  const routeStart = new Int32Array(R);
  const routeEnd = new Int32Array(R);
  const capacity = new Float64Array(R);
  const maxStops = new Int32Array(R);
  const routeClass = new Int32Array(R);
  const classKeys = new Map<string, number>();
  const teamKeys = problem.teams.map((team) =>
    JSON.stringify([
      team.start,
      team.end,
      team.capacity,
      team.maxVisitsPerDay,
      [...team.skills].sort(),
      team.regions ? [...team.regions].sort() : null,
    ]),
  );
  for (let r = 0; r < R; r++) {
    const team = problem.teams[routeTeam[r] as number];
    if (!team) continue;
    routeStart[r] = team.start;
    routeEnd[r] = team.end;
    capacity[r] = team.capacity ?? Infinity;
    maxStops[r] = Math.min(team.maxVisitsPerDay ?? n, n);
    const key = options.homeRoute
      ? `route ${r}`
      : `${teamKeys[routeTeam[r] as number]}|${shiftStartList[r]}|${shiftEndList[r]}|${routeDay[r]}`;
    if (!classKeys.has(key)) classKeys.set(key, classKeys.size);
    routeClass[r] = classKeys.get(key) as number;
  }

  const dist = toFloat64(matrix.distances);
  const time = toFloat64(matrix.durations);
  const loc = new Int32Array(n);
  const service = new Float64Array(n);
  const twStart = new Float64Array(n);
  const twEnd = new Float64Array(n);
  const demand = new Float64Array(n);
  const penalty = new Float64Array(n);
  problem.visits.forEach((v, i) => {
    loc[i] = v.location;
    service[i] = v.duration;
    twStart[i] = v.window?.start ?? -Infinity;
    twEnd[i] = v.window?.end ?? Infinity;
    demand[i] = v.demand ?? 0;
    penalty[i] = weights.unassigned * (1 + (v.priority ?? 0));
  });

  const fixedRoute = new Int32Array(n).fill(-1);
  const homeRoute = new Int32Array(n).fill(-1);
  options.fixedRoute?.forEach((r, v) => (fixedRoute[v] = r));
  options.homeRoute?.forEach((r, v) => (homeRoute[v] = r));

  const eligibleRoutes: Int32Array[] = [];
  const staticReason: (UnassignedReason | null)[] = [];
  const teamIds = problem.teams.map((t) => t.id);
  const wanted = new Set(options.eligibilityFor ?? problem.visits.map((_, i) => i));
  for (let v = 0; v < n; v++) {
    const visit = problem.visits[v];
    if (!visit) continue;
    if (!wanted.has(v)) {
      eligibleRoutes.push(new Int32Array(0));
      staticReason.push(null);
      continue;
    }
    const skills = visit.skills ?? [];
    const allowedDays = visit.days ? new Set(visit.days.map((d) => dayIndex.get(d))) : null;
    const pinTeam = visit.pin?.team !== undefined ? teamIds.indexOf(visit.pin.team) : -1;
    const pinDay = visit.pin?.day !== undefined ? (dayIndex.get(visit.pin.day) ?? -1) : -1;
    const list: number[] = [];
    // Stages record how far the best route got, so the reason names the first missing thing.
    let stage = 0;
    for (let r = 0; r < R; r++) {
      if ((fixedRoute[v] as number) >= 0 && fixedRoute[v] !== r) continue;
      const team = problem.teams[routeTeam[r] as number];
      if (!team || !skills.every((s) => team.skills.includes(s))) continue;
      stage = Math.max(stage, 1);
      if (!regionAllows(problem, team.regions, visit.pc2)) continue;
      stage = Math.max(stage, 2);
      if (
        (allowedDays && !allowedDays.has(routeDay[r])) ||
        (pinTeam >= 0 && pinTeam !== routeTeam[r]) ||
        (pinDay >= 0 && pinDay !== routeDay[r]) ||
        maxStops[r] === 0
      )
        continue;
      stage = Math.max(stage, 3);
      if ((demand[v] as number) > (capacity[r] as number)) continue;
      stage = Math.max(stage, 4);
      const s0 = shiftStartList[r] as number;
      const arrive = s0 + (time[(routeStart[r] as number) * L + (loc[v] as number)] as number);
      const begin = Math.max(arrive, twStart[v] as number);
      const back = begin + (service[v] as number) + (time[(loc[v] as number) * L + (routeEnd[r] as number)] as number);
      if (begin > (twEnd[v] as number) || back > (shiftEndList[r] as number)) continue;
      list.push(r);
    }
    eligibleRoutes.push(Int32Array.from(list));
    const reasons: UnassignedReason[] = [
      'no-team-with-skills',
      'no-team-in-region',
      'no-allowed-day',
      'over-capacity',
      'window-unreachable',
    ];
    staticReason.push(list.length > 0 ? null : (reasons[stage] as UnassignedReason));
  }

  // Most visits have no links: they share one empty list instead of three allocations each.
  const preds: (number[] | undefined)[] = new Array(n);
  const succs: (number[] | undefined)[] = new Array(n);
  const differentDay: (number[] | undefined)[] = new Array(n);
  const link = (lists: (number[] | undefined)[], from: number, to: number): void => {
    const list = lists[from] ?? (lists[from] = []);
    if (!list.includes(to)) list.push(to);
  };
  problem.visits.forEach((visit, v) => {
    for (const id of visit.after ?? []) {
      const p = visitIndex.get(id) as number;
      link(preds, v, p);
      link(succs, p, v);
    }
    for (const id of visit.differentDayFrom ?? []) {
      const o = visitIndex.get(id) as number;
      link(differentDay, v, o);
      link(differentDay, o, v);
    }
  });
  // Levels in topological order (validation ruled out cycles); no recursion, so long
  // chains of surveys and installations cannot overflow the stack.
  const level = new Int32Array(n);
  const waiting = new Int32Array(n);
  const ready: number[] = [];
  for (let v = 0; v < n; v++) {
    waiting[v] = preds[v]?.length ?? 0;
    if (waiting[v] === 0) ready.push(v);
  }
  while (ready.length > 0) {
    const v = ready.pop() as number;
    for (const s of succs[v] ?? []) {
      level[s] = Math.max(level[s] as number, (level[v] as number) + 1);
      waiting[s] = (waiting[s] as number) - 1;
      if (waiting[s] === 0) ready.push(s);
    }
  }
  const NONE = new Int32Array(0);
  const frozen = (lists: (number[] | undefined)[]): Int32Array[] =>
    Array.from(lists, (l) => (l ? Int32Array.from(l) : NONE));

  const k = Math.max(0, Math.min(n - 1, options.neighborCount ?? 100));
  const neighbors: Int32Array[] = [];
  const bestIds = new Int32Array(k);
  const bestDist = new Float64Array(k);
  for (let v = 0; v < n; v++) {
    // Keep the k nearest in a sorted buffer: O(n) per visit instead of sorting all n.
    let size = 0;
    const row = (loc[v] as number) * L;
    for (let u = 0; u < n && k > 0; u++) {
      if (u === v) continue;
      const d = dist[row + (loc[u] as number)] as number;
      if (size === k && d >= (bestDist[k - 1] as number)) continue;
      let i = size < k ? size++ : k - 1;
      while (i > 0 && (bestDist[i - 1] as number) > d) {
        bestDist[i] = bestDist[i - 1] as number;
        bestIds[i] = bestIds[i - 1] as number;
        i--;
      }
      bestDist[i] = d;
      bestIds[i] = u;
    }
    neighbors.push(bestIds.slice(0, size));
  }

  return {
    problem,
    n,
    locations: L,
    dist,
    time,
    loc,
    service,
    twStart,
    twEnd,
    demand,
    penalty,
    routeCount: R,
    routeTeam: Int32Array.from(routeTeam),
    routeDay: Int32Array.from(routeDay),
    routeStart,
    routeEnd,
    shiftStart: Float64Array.from(shiftStartList),
    shiftEnd: Float64Array.from(shiftEndList),
    capacity,
    maxStops,
    routeClass,
    eligibleRoutes,
    staticReason,
    preds: frozen(preds),
    succs: frozen(succs),
    differentDay: frozen(differentDay),
    level,
    fixedRoute,
    homeRoute,
    neighbors,
    weights,
    scratch: { stamp: 0, classTried: new Float64Array(Math.max(1, classKeys.size)) },
  };
}
