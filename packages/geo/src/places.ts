/**
 * The head office in Nijkerk. Coordinates are the PC4 centroid of 3861 from `data/pc4.csv`.
 *
 * @example
 * estimateTravel(HQ_NIJKERK, lookupPc4('6211')!).km; // road km from the office to Maastricht
 */
export const HQ_NIJKERK = Object.freeze({
  pc4: '3861',
  lat: 52.22666,
  lon: 5.47561,
  label: 'Hoofdkantoor Nijkerk',
} as const);

/**
 * The attribution the app must show wherever this geodata is used (maps, postcode lookups).
 * It is the "Suggested attribution" of `data/SOURCES.md`, verbatim.
 *
 * @example
 * <footer>{GEO_ATTRIBUTION}</footer>
 */
export const GEO_ATTRIBUTION =
  'Postcodegebieden: © CBS, © ESRI Nederland; grenzen: Kadaster / CBS; adrescoördinaten: BAG (Kadaster), PC4-centroïden © 2021 Peter Arends (MIT)';

/** Where the data files of this package live, for tools that read them directly. */
export const GEO_DATA_FILES = Object.freeze({
  pc4Csv: new URL('../data/pc4.csv', import.meta.url),
  provincesTopoJson: new URL('../data/provinces.topo.json', import.meta.url),
  pc2TopoJson: new URL('../data/pc2.topo.json', import.meta.url),
  sources: new URL('../data/SOURCES.md', import.meta.url),
});
