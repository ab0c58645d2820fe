import type { LatLon } from './pc4.ts';

/** Mean earth radius in km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;
const toRad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Great-circle distance in km between two WGS84 points (haversine formula).
 *
 * @example
 * haversineKm({ lat: 52.37349, lon: 4.89507 }, { lat: 50.85037, lon: 5.68813 }); // ≈ 178 (Amsterdam–Maastricht)
 */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface TravelOptions {
  /** Road distance divided by straight-line distance. Default 1.3 (typical for the Netherlands). */
  roadFactor?: number;
  /** Average door-to-door speed in km/h. Default 60. */
  speedKmh?: number;
}

export interface TravelEstimate {
  /** Estimated road distance in km (not rounded). */
  km: number;
  /** Estimated driving time in minutes (not rounded). */
  minutes: number;
}

/**
 * A rough road-travel estimate: straight-line distance × roadFactor, driven at speedKmh.
 * Meant for planning and sorting, not for quoting travel costs to the minute.
 *
 * @example
 * estimateTravel(HQ_NIJKERK, lookupPc4('1012')!); // { km: ≈ 55.5, minutes: ≈ 55.5 } (Nijkerk–Amsterdam)
 * estimateTravel(a, b, { roadFactor: 1.2, speedKmh: 80 });
 */
export function estimateTravel(a: LatLon, b: LatLon, options: TravelOptions = {}): TravelEstimate {
  const { roadFactor = 1.3, speedKmh = 60 } = options;
  if (!(roadFactor >= 1) || !Number.isFinite(roadFactor))
    throw new RangeError(`roadFactor must be >= 1, got ${roadFactor}`);
  if (!(speedKmh > 0) || !Number.isFinite(speedKmh)) throw new RangeError(`speedKmh must be > 0, got ${speedKmh}`);
  const km = haversineKm(a, b) * roadFactor;
  return { km, minutes: (km / speedKmh) * 60 };
}
