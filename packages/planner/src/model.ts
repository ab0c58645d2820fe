/**
 * The planner's vocabulary. Times are minutes since midnight of a working day, distances
 * are whatever unit the travel matrix uses (kilometres for the Dutch default), and every
 * location is an index into `Problem.locations` / the travel matrix.
 */

/** A point on the map (WGS84). Used only to build the default travel matrix. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Square travel matrices, row = from, column = to, both `size × size`. */
export interface TravelMatrix {
  size: number;
  /** Travel time in minutes. */
  durations: ArrayLike<number>;
  /** Travel distance (km for the Dutch default); the travel cost the planner minimises. */
  distances: ArrayLike<number>;
}

/** A time interval in minutes since midnight; `end` is inclusive. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** One team's working hours on one day. A day without a shift is a day off (or ill). */
export interface Shift extends TimeWindow {
  day: string;
}

/** A team (vehicle). It starts and ends each working day at its own locations. */
export interface Team {
  id: string;
  /** Location index where the day starts (home base or HQ Nijkerk). */
  start: number;
  /** Location index where the day ends. */
  end: number;
  shifts: Shift[];
  skills: string[];
  /** Region ids the team serves; absent = the whole country. */
  regions?: string[];
  /** Hard cap on the number of visits in one day. */
  maxVisitsPerDay?: number;
  /**
   * Per-day capacity against `Visit.demand`. ChargeCars uses it for "max installations per
   * day" (installation demand 1, survey demand 0); Solomon uses it for the truck load.
   */
  capacity?: number;
}

/** A job at a customer. */
export interface Visit {
  id: string;
  location: number;
  /** Minutes on site. */
  duration: number;
  /** Skills every one of which the team must have. */
  skills?: string[];
  /** Days on which the visit may happen; absent = any planning day. */
  days?: string[];
  /** When service may start (morning 08:00-12:00 = {start: 480, end: 720}). */
  window?: TimeWindow;
  /** Higher is more important; an unassigned visit costs `1 + priority` units. Default 0. */
  priority?: number;
  /** Load against `Team.capacity`. Default 0. */
  demand?: number;
  /** Two-digit postcode (e.g. "38"), matched against the team's regions. */
  pc2?: string;
  /** Visits that must happen on a strictly earlier day (a survey before its installation). */
  after?: string[];
  /** Visits that must not share a day with this one (two visits of one order). */
  differentDayFrom?: string[];
  /** Pins the visit to a team and/or a day. */
  pin?: { team?: string; day?: string };
  /**
   * In insertion and repair: a fixed visit keeps its team and day from the given plan.
   * A fixed visit that is not in the given plan stays unplanned.
   */
  fixed?: boolean;
}

/** A region: a named set of two-digit postcodes. Regions may overlap. */
export interface Region {
  id: string;
  pc2: string[];
}

/** Weights of the soft parts of the objective. */
export interface ObjectiveWeights {
  /**
   * Cost of one unit of "assignment priority" left unassigned. Must dwarf travel so that
   * assigning visits always comes first. Default 1e6.
   */
  unassigned?: number;
  /** Bundling: radius within which the visits of one team-day should stay. Default 30. */
  bundleRadius?: number;
  /** Bundling: cost per unit of pairwise distance beyond the radius. Default 0.5. */
  bundleWeight?: number;
  /** Load balance: cost per (visits in a team-day)². Default 0.01 (a tie-breaker). */
  balance?: number;
  /** Repair: cost of moving a visit to another team or day than in the given plan. Default 1000. */
  move?: number;
}

/** Everything the planner needs. */
export interface Problem {
  /** Planning days in order (e.g. ISO dates). Precedence compares their positions. */
  days: string[];
  teams: Team[];
  visits: Visit[];
  regions?: Region[];
  /** Coordinates per location index; used for the default matrix when `matrix` is absent. */
  locations?: GeoPoint[];
  matrix?: TravelMatrix;
  objective?: ObjectiveWeights;
}

/** One visit in a planned route. */
export interface PlannedStop {
  visitId: string;
  /** Service start, minutes since midnight. */
  start: number;
  /** Service end = start + duration. */
  end: number;
}

/** The ordered visits of one team on one day. */
export interface PlannedRoute {
  teamId: string;
  day: string;
  stops: PlannedStop[];
  /** Time the team leaves its start location. */
  departure: number;
  /** Time the team arrives at its end location. */
  arrival: number;
  distance: number;
}

export type UnassignedReason =
  | 'no-team-with-skills'
  | 'no-team-in-region'
  | 'no-allowed-day'
  | 'over-capacity'
  | 'window-unreachable'
  | 'predecessor-unassigned'
  | 'no-capacity-in-window'
  | 'fixed-not-in-plan';

export interface UnassignedVisit {
  visitId: string;
  reason: UnassignedReason;
}

export interface PlanCost {
  /** Total objective: unassigned penalty + distance + bundling + balance (+ moves in repair). */
  total: number;
  distance: number;
  unassignedPriority: number;
  bundling: number;
  balance: number;
  moves: number;
}

export interface Plan {
  routes: PlannedRoute[];
  unassigned: UnassignedVisit[];
  cost: PlanCost;
}

/** Progress report during a search. */
export interface Progress {
  iteration: number;
  elapsedMs: number;
  bestCost: number;
  unassigned: number;
}

/** Search controls shared by all modes. */
export interface SearchOptions {
  /** Wall-clock budget. Default 10 000 ms. */
  timeLimitMs?: number;
  /** Stop after this many iterations; with no time limit this makes a run fully reproducible. */
  maxIterations?: number;
  /** Seed of the pseudo-random generator. Default 1. */
  seed?: number;
  /** Polled every few hundred iterations; return true to stop with the best plan so far. */
  shouldStop?: () => boolean;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Minimum time between progress reports. Default 250 ms. */
  progressIntervalMs?: number;
}
