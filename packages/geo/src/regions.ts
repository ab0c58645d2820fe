/**
 * The seven regions of the regional installation teams, as lists of 2-digit postcode prefixes (PC2).
 *
 * How the lists were chosen: every PC2 in `data/pc4.csv` (all 90, "10"–"99") was tallied by the
 * provinces and municipalities of its PC4 rows, and then given to the region that the bulk of its
 * PC4s belongs to. Where a PC2 straddles a province or region border, or lies about halfway between
 * two regional hubs, it is listed in both neighbouring regions; that is the overlap, so either team
 * can take the job. `primaryRegion()` settles those shared PC2s by the nearest hub.
 *
 * Shared PC2s (17), with the municipalities that make them border areas:
 * - 12 Hilversum/Gooi, 13 Almere (+ Weesp, De Ronde Venen) ............ NOORD-HOLLAND + MIDDEN
 * - 21 Haarlemmermeer, Heemstede, Lisse ................................ NOORD-HOLLAND + ZUID-HOLLAND
 * - 34 Woerden, Nieuwegein, Lopik ..................................... ZUID-HOLLAND + MIDDEN
 * - 32 Hoeksche Waard, Goeree-Overflakkee; 33 Dordrecht, Zwijndrecht;
 *   42 Gorinchem, Altena, Vijfheerenlanden .............................. ZUID-HOLLAND + ZUID-WEST
 * - 50 Tilburg, 51 Waalwijk, Dongen, Heusden ........................... ZUID-WEST + ZUID-OOST
 * - 53 Oss, Zaltbommel, Maasdriel ...................................... ZUID-OOST + MIDDEN
 * - 65 Nijmegen, Gennep, Mook en Middelaar ............................. ZUID-OOST + OOST
 * - 73 Apeldoorn; 80 Zwolle, Nunspeet, Elburg; 82 Lelystad, Dronten, Kampen ... OOST + MIDDEN
 * - 77 Hardenberg, Coevorden; 79 Hoogeveen, Meppel; 83 Steenwijkerland, Noordoostpolder ... NOORD + OOST
 *
 * Hubs are the demo bases of the regional teams (MIDDEN works from the head office in Nijkerk);
 * their coordinates are the PC4 centroids from `data/pc4.csv` (a test checks that they match).
 */

export const REGION_CODES = [
  'NOORD',
  'OOST',
  'MIDDEN',
  'NOORD-HOLLAND',
  'ZUID-HOLLAND',
  'ZUID-WEST',
  'ZUID-OOST',
] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export interface Region {
  code: RegionCode;
  /** Display name (Dutch). */
  name: string;
  /** The areas it covers, for people. */
  description: string;
  /** Where the regional team is based (demo data). */
  hub: { city: string; pc4: string; lat: number; lon: number };
  /** 2-digit postcode prefixes, ascending. Border PC2s also appear in a neighbouring region. */
  pc2: readonly string[];
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

const freezeRegion = (r: Region): Region =>
  Object.freeze({ ...r, hub: Object.freeze(r.hub), pc2: Object.freeze([...r.pc2]) });

export const REGIONS: readonly Region[] = Object.freeze(
  (
    [
      {
        code: 'NOORD',
        name: 'Noord',
        description: 'Groningen, Fryslân, Drenthe, Kop van Overijssel, Noordoostpolder',
        hub: { city: 'Assen', pc4: '9401', lat: 52.99381, lon: 6.56231 },
        pc2: ['77', '78', '79', ...range(83, 99)],
      },
      {
        code: 'OOST',
        name: 'Oost',
        description: 'Overijssel, Twente, Achterhoek, Veluwe-oost, Arnhem–Nijmegen',
        hub: { city: 'Deventer', pc4: '7411', lat: 52.25245, lon: 6.1594 },
        pc2: ['65', '66', ...range(68, 77), ...range(79, 83)],
      },
      {
        code: 'MIDDEN',
        name: 'Midden',
        description: 'Utrecht, Gooi, Gelderse Vallei, Nijkerk, Flevoland, Betuwe',
        hub: { city: 'Nijkerk', pc4: '3861', lat: 52.22666, lon: 5.47561 },
        pc2: ['12', '13', ...range(34, 41), '53', '67', '73', '80', '82'],
      },
      {
        code: 'NOORD-HOLLAND',
        name: 'Noord-Holland',
        description: 'Amsterdam, Zaanstreek, Kennemerland, West-Friesland, Kop van Noord-Holland',
        hub: { city: 'Amsterdam', pc4: '1043', lat: 52.38787, lon: 4.83397 },
        pc2: range(10, 21),
      },
      {
        code: 'ZUID-HOLLAND',
        name: 'Zuid-Holland',
        description: 'Den Haag, Leiden, Rotterdam, Gouda, Drechtsteden, Zuid-Hollandse eilanden',
        hub: { city: 'Zoetermeer', pc4: '2712', lat: 52.0511, lon: 4.49972 },
        pc2: [...range(21, 34), '42'],
      },
      {
        code: 'ZUID-WEST',
        name: 'Zuid-West',
        description: 'Zeeland, West-Brabant, Breda, Tilburg',
        hub: { city: 'Roosendaal', pc4: '4701', lat: 51.533, lon: 4.45911 },
        pc2: ['32', '33', ...range(42, 51)],
      },
      {
        code: 'ZUID-OOST',
        name: 'Zuid-Oost',
        description: "Oost-Brabant ('s-Hertogenbosch, Eindhoven, Helmond), Limburg",
        hub: { city: 'Eindhoven', pc4: '5611', lat: 51.4367, lon: 5.48001 },
        pc2: range(50, 65),
      },
    ] satisfies Region[]
  ).map(freezeRegion),
);
