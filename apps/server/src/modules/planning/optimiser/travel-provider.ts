import { haversineMatrix, type GeoPoint, type TravelMatrix } from '@chargecars/planner';

/**
 * Where the optimiser and the day routes get travel times (minutes) and road distances (km) between
 * points. The default needs no network; OSRM (osrm-travel.ts) gives road times when configured.
 */
export interface TravelProvider {
  /** Shown beside a route: which model the times come from. */
  readonly name: string;
  matrix(points: readonly GeoPoint[]): Promise<TravelMatrix>;
}

/** Straight-line distance x 1.3 (Dutch roads), driven at 60 km/h door to door. */
export function haversineTravel(options: { roadFactor?: number; speedKmh?: number } = {}): TravelProvider {
  return {
    name: 'haversine',
    matrix: async (points) => haversineMatrix(points, options),
  };
}
