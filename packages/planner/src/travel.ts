import type { GeoPoint, TravelMatrix } from './model.ts';

export interface HaversineOptions {
  /** Road distance / straight-line distance. Default 1.3 (typical for the Netherlands). */
  roadFactor?: number;
  /** Average door-to-door speed in km/h. Default 60. */
  speedKmh?: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The default travel model when the caller has no routing engine at hand:
 * road km = haversine × road factor, minutes = road km / speed.
 *
 * @example
 * const matrix = haversineMatrix([{ lat: 52.24, lon: 5.49 }, { lat: 52.09, lon: 5.12 }]);
 * matrix.distances[1]; // ≈ 39 km from Nijkerk to Utrecht
 */
export function haversineMatrix(points: readonly GeoPoint[], options: HaversineOptions = {}): TravelMatrix {
  const roadFactor = options.roadFactor ?? 1.3;
  const minutesPerKm = 60 / (options.speedKmh ?? 60);
  const size = points.length;
  const distances = new Float64Array(size * size);
  const durations = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const a = points[i] as GeoPoint;
    for (let j = i + 1; j < size; j++) {
      const km = haversineKm(a, points[j] as GeoPoint) * roadFactor;
      distances[i * size + j] = km;
      distances[j * size + i] = km;
      durations[i * size + j] = km * minutesPerKm;
      durations[j * size + i] = km * minutesPerKm;
    }
  }
  return { size, distances, durations };
}

/** Planar Euclidean matrix (distance = duration), as the Solomon and CVRPLIB benchmarks define it. */
export function euclideanMatrix(points: readonly { x: number; y: number }[]): TravelMatrix {
  const size = points.length;
  const distances = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const a = points[i] as { x: number; y: number };
    for (let j = i + 1; j < size; j++) {
      const b = points[j] as { x: number; y: number };
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      distances[i * size + j] = d;
      distances[j * size + i] = d;
    }
  }
  return { size, distances, durations: distances };
}
