/**
 * Towns and addresses for demo data, on top of the PC4 table of @chargecars/geo.
 * The PC4 table knows municipalities, not towns (woonplaatsen), so this file keeps a hand-made list
 * of well-known towns with the municipality they lie in; an address gets a PC4 of that municipality.
 * In merged municipalities (Súdwest-Fryslân, Dijk en Waard, ...) the PC4 can be a village nearby.
 */
import { allPc4, formatAddress, haversineKm, primaryRegion } from '@chargecars/geo';
import type { Pc4Info, RegionCode } from '@chargecars/geo';
import { streetName } from './dutch-names.ts';
import type { Rng } from './random.ts';

/**
 * Towns by size class (weight 8: the four big cities; 4: other large cities; 2: mid-sized towns;
 * 1: smaller towns). Each is [town, municipality as spelled in pc4.csv, anchor PC4]; the
 * municipality is left out when it has the town's name. With an anchor (towns in merged
 * municipalities) only the municipality's PC4s within ANCHOR_RADIUS_KM of it count as the town.
 */
const TOWN_TIERS: readonly { weight: number; towns: readonly (readonly [string, string?, string?])[] }[] = [
  { weight: 8, towns: [['Amsterdam'], ['Rotterdam'], ['Den Haag', "'s-Gravenhage"], ['Utrecht']] },
  {
    weight: 4,
    towns: [
      ['Eindhoven'],
      ['Groningen'],
      ['Tilburg'],
      ['Almere'],
      ['Breda'],
      ['Nijmegen'],
      ['Apeldoorn'],
      ['Arnhem'],
      ['Haarlem'],
      ['Enschede'],
      ['Amersfoort'],
      ['Zaandam', 'Zaanstad', '1501'],
      ['Zwolle'],
      ['Leiden'],
      ['Zoetermeer'],
      ['Maastricht'],
      ['Dordrecht'],
      ['Ede'],
      ['Alkmaar'],
      ['Delft'],
      ['Deventer'],
      ['Hoofddorp', 'Haarlemmermeer', '2131'],
    ],
  },
  {
    weight: 2,
    towns: [
      ['Venlo'],
      ['Leeuwarden'],
      ['Helmond'],
      ['Hilversum'],
      ['Heerlen'],
      ['Oss'],
      ['Roosendaal'],
      ['Purmerend'],
      ['Schiedam'],
      ['Vlaardingen'],
      ['Almelo'],
      ['Hengelo'],
      ['Gouda'],
      ['Lelystad'],
      ['Assen'],
      ['Emmen'],
      ['Amstelveen'],
      ['Veenendaal'],
      ['Zeist'],
      ['Spijkenisse', 'Nissewaard', '3201'],
      ['Heerhugowaard', 'Dijk en Waard', '1701'],
      ['Nieuwegein'],
      ['Capelle aan den IJssel'],
      ['Alphen aan den Rijn'],
      ['Katwijk'],
      ['Sittard', 'Sittard-Geleen', '6131'],
      ['Bergen op Zoom'],
    ],
  },
  {
    weight: 1,
    towns: [
      ['Harderwijk'],
      ['Nijkerk'],
      ['Barneveld'],
      ['Doetinchem'],
      ['Middelburg'],
      ['Vlissingen'],
      ['Goes'],
      ['Terneuzen'],
      ['Weert'],
      ['Roermond'],
      ['Hoorn'],
      ['Den Helder'],
      ['Heerenveen'],
      ['Drachten', 'Smallingerland', '9201'],
      ['Sneek', 'Súdwest-Fryslân', '8601'],
      ['Kampen'],
      ['Meppel'],
      ['Hoogeveen'],
      ['Zutphen'],
      ['Tiel'],
      ['Gorinchem'],
      ['Woerden'],
      ['Houten'],
      ['Veldhoven'],
      ['Waalwijk'],
      ['Uden', 'Maashorst', '5401'],
      ['Wageningen'],
      ['Culemborg'],
      ['Zaltbommel'],
      ['Winterswijk'],
      ['Oldenzaal'],
      ['Hardenberg'],
      ['Steenwijk', 'Steenwijkerland', '8331'],
      ['Dronten'],
      ['Noordwijk'],
      ['Naaldwijk', 'Westland', '2671'],
      ['Ridderkerk'],
      ['Beverwijk'],
      ['IJmuiden', 'Velsen', '1971'],
      ['Leusden'],
      ['Soest'],
      ['Baarn'],
      ['Bussum', 'Gooise Meren', '1401'],
      ['Huizen'],
      ['Ermelo'],
      ['Putten'],
      ['Nunspeet'],
      ['Elburg'],
      ['Epe'],
      ['Raalte'],
      ['Rijssen', 'Rijssen-Holten', '7461'],
      ['Deurne'],
      ['Boxtel'],
      ['Best'],
      ['Oosterhout'],
      ['Etten-Leur'],
      ['Hulst'],
      ['Venray'],
      ['Kerkrade'],
      ['Brunssum'],
      ['Zwijndrecht'],
      ['Papendrecht'],
      ['Schagen'],
      ['Enkhuizen'],
      ['Volendam', 'Edam-Volendam', '1131'],
      ['Harlingen'],
      ['Franeker', 'Waadhoeke', '8801'],
      ['Dokkum', 'Noardeast-Fryslân', '9101'],
      ['Stadskanaal'],
      ['Veendam'],
      ['Winschoten', 'Oldambt', '9671'],
      ['Delfzijl', 'Eemsdelta', '9934'],
      ['Coevorden'],
      ['Wijchen'],
      ['Zevenaar'],
      ['Doesburg'],
      ['Lochem'],
      ['Geldrop', 'Geldrop-Mierlo', '5661'],
      ['Valkenswaard'],
    ],
  },
];

/** How far from its anchor PC4 a town in a merged municipality reaches. */
export const ANCHOR_RADIUS_KM = 4;

export interface Town {
  name: string;
  municipality: string;
  /** Relative size class used by pickTown (8, 4, 2 or 1). */
  weight: number;
  /** The PC4 areas of the town (of the whole municipality unless the town has an anchor). */
  pc4s: readonly Pc4Info[];
}

let towns: readonly Town[] | undefined;

/** The towns with their PC4 areas. Throws if a municipality in the list is not in the PC4 table. */
export function demoTowns(): readonly Town[] {
  if (towns) return towns;
  const byMunicipality = new Map<string, Pc4Info[]>();
  for (const p of allPc4()) byMunicipality.set(p.municipality, [...(byMunicipality.get(p.municipality) ?? []), p]);
  towns = TOWN_TIERS.flatMap(({ weight, towns: list }) =>
    list.map(([name, municipality = name, anchorPc4]) => {
      let pc4s = byMunicipality.get(municipality) ?? [];
      if (anchorPc4 !== undefined) {
        const anchor = pc4s.find((p) => p.pc4 === anchorPc4);
        if (!anchor) throw new Error(`places.ts: anchor ${anchorPc4} of ${name} is not in ${municipality}`);
        pc4s = pc4s.filter((p) => haversineKm(p, anchor) <= ANCHOR_RADIUS_KM);
      }
      if (pc4s.length === 0) throw new Error(`places.ts: municipality ${municipality} (for ${name}) is not in pc4.csv`);
      return { name, municipality, weight, pc4s };
    }),
  );
  return towns;
}

/**
 * A town, weighted by its size class.
 *
 * @example
 * pickTown(rng).name; // 'Amersfoort'
 */
export function pickTown(rng: Rng): Town {
  return rng.weighted(demoTowns().map((t) => [t, t.weight] as const));
}

/**
 * Two-letter postcode suffixes as PostNL issues them: the letters F, I, O, Q, U and Y are not used (they
 * are easily mistaken for others), nor the pairs SA, SD and SS (checked in places.test.ts against real
 * addresses).
 */
export const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
export const LETTER_PAIRS: readonly string[] = (() => {
  const out: string[] = [];
  for (const a of POSTCODE_LETTERS)
    for (const b of POSTCODE_LETTERS) if (!['SA', 'SD', 'SS'].includes(a + b)) out.push(a + b);
  return out;
})();

export interface DemoAddress {
  street: string;
  houseNumber: number;
  houseNumberAddition: string | null;
  /** "3861 AB" */
  postcode: string;
  pc4: string;
  city: string;
  municipality: string;
  province: string;
  region: RegionCode;
  /** The PC4 centroid moved by a few hundred metres, so that addresses in one PC4 do not coincide. */
  lat: number;
  lon: number;
  /** "Molenweg 12A, 3861 AB Nijkerk" */
  formatted: string;
}

/**
 * A fictional address in a real PC4 area: random street, number and postcode letters. The street
 * and full postcode are not checked against the BAG, so they need not exist together.
 *
 * @example
 * demoAddress(rng);                 // in a town picked by pickTown
 * demoAddress(rng, pickTown(rng));  // the same, explicitly
 */
export function demoAddress(rng: Rng, town: Town = pickTown(rng)): DemoAddress {
  const place = rng.pick(town.pc4s);
  const street = streetName(rng);
  const houseNumber = Math.round(rng.normal(40, 40, 1, 300));
  const houseNumberAddition = rng.weighted<string | null>([
    [null, 88],
    ['A', 5],
    ['B', 3],
    ['1', 2],
    ['bis', 1],
    ['hs', 1],
  ]);
  const postcode = `${place.pc4} ${rng.pick(LETTER_PAIRS)}`;
  const lat = Number((place.lat + rng.normal(0, 0.003, -0.01, 0.01)).toFixed(5));
  const lon = Number((place.lon + rng.normal(0, 0.0045, -0.015, 0.015)).toFixed(5));
  return {
    street,
    houseNumber,
    houseNumberAddition,
    postcode,
    pc4: place.pc4,
    city: town.name,
    municipality: town.municipality,
    province: place.province,
    region: primaryRegion(place.pc4)!.code,
    lat,
    lon,
    formatted: formatAddress({ street, houseNumber, houseNumberAddition, postcode, city: town.name }),
  };
}
