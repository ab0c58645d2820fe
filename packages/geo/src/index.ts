// @chargecars/geo: Dutch postcodes, PC4 centroids, distances and the seven service regions.
// Pure and offline: the only I/O is a one-time synchronous read of data/pc4.csv.
export { parseCsv, parseCsvObjects } from './csv.ts';
export {
  parsePostcode,
  toPc4,
  formatPostcode,
  formatHouseNumber,
  formatAddress,
  formatAddressLines,
} from './postcode.ts';
export type { ParsedPostcode, AddressParts } from './postcode.ts';
export { PROVINCES, lookupPc4, allPc4 } from './pc4.ts';
export type { Province, LatLon, Pc4Info } from './pc4.ts';
export { haversineKm, estimateTravel } from './distance.ts';
export type { TravelOptions, TravelEstimate } from './distance.ts';
export { REGIONS, REGION_CODES } from './regions.ts';
export type { Region, RegionCode } from './regions.ts';
export { regionsForPostcode, primaryRegion } from './region-lookup.ts';
export { HQ_NIJKERK, GEO_ATTRIBUTION, GEO_DATA_FILES } from './places.ts';
