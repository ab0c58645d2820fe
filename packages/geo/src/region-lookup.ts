import { haversineKm } from './distance.ts';
import { allPc4, lookupPc4 } from './pc4.ts';
import type { LatLon } from './pc4.ts';
import { toPc4 } from './postcode.ts';
import { REGIONS } from './regions.ts';
import type { Region } from './regions.ts';

/**
 * The regions that serve a postcode or PC4: one region, or two for a border PC2, or none for
 * malformed input. Works on the PC2 prefix, so PC4s missing from the data still get their regions.
 *
 * @example
 * regionsForPostcode('3861 AB').map((r) => r.code); // ['MIDDEN']
 * regionsForPostcode('1311').map((r) => r.code);    // ['MIDDEN', 'NOORD-HOLLAND'] (Almere)
 */
export function regionsForPostcode(postcodeOrPc4: string): Region[] {
  const pc4 = toPc4(postcodeOrPc4);
  if (pc4 === null) return [];
  const pc2 = pc4.slice(0, 2);
  return REGIONS.filter((r) => r.pc2.includes(pc2));
}

/**
 * The one region that should take a postcode: its only region, or for a border PC2 the region
 * whose hub is nearest to the PC4 centroid (the PC2 centroid when the PC4 is not in the data).
 * Undefined for malformed input.
 *
 * @example
 * primaryRegion('3861')?.code; // 'MIDDEN'
 * primaryRegion('1311')?.code; // 'NOORD-HOLLAND' (Almere-Stad: Amsterdam is nearer than Nijkerk)
 */
export function primaryRegion(postcodeOrPc4: string): Region | undefined {
  const candidates = regionsForPostcode(postcodeOrPc4);
  if (candidates.length <= 1) return candidates[0];
  const pc4 = toPc4(postcodeOrPc4) ?? '';
  const point = lookupPc4(pc4) ?? pc2Centroid(pc4.slice(0, 2));
  if (!point) return candidates[0];
  let best = candidates[0];
  let bestKm = Infinity;
  for (const region of candidates) {
    const km = haversineKm(point, region.hub);
    if (km < bestKm) {
      best = region;
      bestKm = km;
    }
  }
  return best;
}

const pc2Centroids = new Map<string, LatLon | undefined>();

/** The mean of the PC4 centroids with this prefix (undefined when there are none). */
function pc2Centroid(pc2: string): LatLon | undefined {
  if (!pc2Centroids.has(pc2)) {
    const rows = allPc4().filter((p) => p.pc4.startsWith(pc2));
    pc2Centroids.set(
      pc2,
      rows.length === 0
        ? undefined
        : {
            lat: rows.reduce((s, p) => s + p.lat, 0) / rows.length,
            lon: rows.reduce((s, p) => s + p.lon, 0) / rows.length,
          },
    );
  }
  return pc2Centroids.get(pc2);
}
