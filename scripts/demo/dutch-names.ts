/**
 * Plain Dutch names, street names, e-mail addresses and mobile numbers for demo data.
 * Names are common first names and surnames combined at random, so they describe no real person.
 * E-mail addresses only use the example domains in DEMO_EMAIL_DOMAINS.
 */
import type { Rng } from './random.ts';

export const MALE_FIRST_NAMES = [
  'Jan',
  'Pieter',
  'Kees',
  'Henk',
  'Gerrit',
  'Willem',
  'Johan',
  'Hans',
  'Peter',
  'Marco',
  'Erik',
  'Rob',
  'Martijn',
  'Bas',
  'Jeroen',
  'Sander',
  'Dennis',
  'Mark',
  'Tim',
  'Thijs',
  'Joost',
  'Niels',
  'Ruben',
  'Daan',
  'Sem',
  'Lucas',
  'Levi',
  'Finn',
  'Milan',
  'Bram',
  'Jesse',
  'Luuk',
  'Stijn',
  'Koen',
  'Wouter',
  'Maarten',
  'Arjen',
  'Frank',
  'Gert-Jan',
  'Wim',
  'Bert',
  'Ton',
  'Dirk',
  'Joris',
  'Teun',
  'Ruud',
  'Rik',
  'Hendrik',
  'Frits',
  'Theo',
  'Jasper',
  'Vincent',
  'Sjoerd',
  'Hidde',
  'Jelle',
  'Tjeerd',
  'Gijs',
  'Floris',
  'Olaf',
  'Arie',
] as const;

export const FEMALE_FIRST_NAMES = [
  'Anna',
  'Maria',
  'Johanna',
  'Cornelia',
  'Els',
  'Ingrid',
  'Petra',
  'Monique',
  'Sandra',
  'Linda',
  'Marieke',
  'Anouk',
  'Femke',
  'Sanne',
  'Lisa',
  'Eva',
  'Emma',
  'Julia',
  'Sophie',
  'Tess',
  'Fleur',
  'Lotte',
  'Iris',
  'Noor',
  'Saar',
  'Mila',
  'Evi',
  'Lieke',
  'Roos',
  'Esther',
  'Marloes',
  'Annemiek',
  'Wilma',
  'Truus',
  'Joke',
  'Ria',
  'Annelies',
  'Karin',
  'Miranda',
  'Judith',
  'Mirjam',
  'Ilse',
  'Nienke',
  'Janneke',
  'Lianne',
  'Marjolein',
  'Hanneke',
  'Ellen',
  'Yvonne',
  'Bianca',
  'Wendy',
  'Marit',
  'Jildou',
  'Sietske',
  'Geertje',
  'Hester',
  'Lobke',
] as const;

/** Surnames as [tussenvoegsel, rest]; the tussenvoegsel is '' for most. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['de', 'Jong'],
  ['', 'Jansen'],
  ['de', 'Vries'],
  ['van den', 'Berg'],
  ['van', 'Dijk'],
  ['', 'Bakker'],
  ['', 'Janssen'],
  ['', 'Visser'],
  ['', 'Smit'],
  ['', 'Meijer'],
  ['de', 'Boer'],
  ['', 'Mulder'],
  ['de', 'Groot'],
  ['', 'Bos'],
  ['', 'Vos'],
  ['', 'Peters'],
  ['', 'Hendriks'],
  ['van', 'Leeuwen'],
  ['', 'Dekker'],
  ['', 'Brouwer'],
  ['de', 'Wit'],
  ['', 'Dijkstra'],
  ['', 'Smits'],
  ['de', 'Graaf'],
  ['van der', 'Meer'],
  ['van der', 'Linden'],
  ['', 'Kok'],
  ['', 'Jacobs'],
  ['de', 'Haan'],
  ['', 'Vermeulen'],
  ['van den', 'Heuvel'],
  ['van der', 'Veen'],
  ['van den', 'Broek'],
  ['de', 'Bruijn'],
  ['de', 'Bruin'],
  ['van der', 'Heijden'],
  ['', 'Schouten'],
  ['van', 'Beek'],
  ['', 'Willems'],
  ['van', 'Vliet'],
  ['van de', 'Ven'],
  ['', 'Hoekstra'],
  ['', 'Maas'],
  ['', 'Verhoeven'],
  ['', 'Koster'],
  ['van', 'Dam'],
  ['van der', 'Wal'],
  ['', 'Prins'],
  ['', 'Blom'],
  ['', 'Huisman'],
  ['', 'Peeters'],
  ['de', 'Jonge'],
  ['', 'Kuipers'],
  ['van', 'Veen'],
  ['', 'Post'],
  ['', 'Kuiper'],
  ['', 'Veenstra'],
  ['', 'Kramer'],
  ['van den', 'Brink'],
  ['', 'Scholten'],
  ['van', 'Wijk'],
  ['', 'Postma'],
  ['', 'Martens'],
  ['', 'Vink'],
  ['de', 'Ruiter'],
  ['', 'Timmermans'],
  ['', 'Groen'],
  ['', 'Gerritsen'],
  ['', 'Jonker'],
  ['van', 'Loon'],
  ['', 'Boer'],
  ['van der', 'Velde'],
  ['', 'Willemsen'],
  ['', 'Smeets'],
  ['de', 'Lange'],
  ['de', 'Vos'],
  ['', 'Bosch'],
  ['van', 'Dongen'],
  ['', 'Schipper'],
  ['de', 'Koning'],
  ['van der', 'Laan'],
  ['', 'Koning'],
  ['van der', 'Ploeg'],
  ['van', 'Doorn'],
  ['', 'Wijnands'],
  ['', 'Bouwman'],
  ['', 'Hermans'],
  ['', 'Evers'],
  ['van', 'Rijn'],
  ['', 'Wouters'],
  ['', 'Hofman'],
  ['', 'Brink'],
  ['van', 'Houten'],
  ['', 'Verbeek'],
  ['ter', 'Horst'],
  ['', 'Hoogendoorn'],
  ['', 'Zwart'],
  ['', 'Kooistra'],
  ['van', "'t Hof"],
  ['in', "'t Veld"],
  ['', 'Bijl'],
  ['', 'Sijbesma'],
  ['', 'Wiersma'],
  ['', 'Brinkman'],
  ['ten', 'Have'],
  ['', 'Oosterhuis'],
  ['', 'Heuvelmans'],
];

export interface PersonName {
  firstName: string;
  /** "van der", "de", ... or '' */
  tussenvoegsel: string;
  lastName: string;
  /** "Jan van der Meer" */
  fullName: string;
  /** For sorted lists: "Meer, Jan van der" */
  sortName: string;
  gender: 'm' | 'f';
}

/**
 * A random Dutch name (about half male, half female).
 *
 * @example
 * personName(createRng('x')); // { firstName: 'Sanne', tussenvoegsel: 'de', lastName: 'Vries', fullName: 'Sanne de Vries', ... }
 */
export function personName(rng: Rng): PersonName {
  const gender = rng.chance(0.5) ? 'm' : 'f';
  const firstName = rng.pick(gender === 'm' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
  const [tussenvoegsel, lastName] = rng.pick(SURNAMES);
  const full = [firstName, tussenvoegsel, lastName].filter(Boolean).join(' ');
  const sortName = `${lastName}, ${[firstName, tussenvoegsel].filter(Boolean).join(' ')}`;
  return { firstName, tussenvoegsel, lastName, fullName: full, sortName, gender };
}

/**
 * The only e-mail domains used. example.com/.org/.net are reserved by RFC 2606; example.nl and
 * voorbeeld.nl are the Dutch look-alikes the brief asked for (not IANA-reserved, so the demo
 * must never actually deliver mail).
 */
export const DEMO_EMAIL_DOMAINS = [
  'example.nl',
  'voorbeeld.nl',
  'example.com',
  'mail.example.nl',
  'post.voorbeeld.nl',
] as const;

/** Lower case ASCII for an e-mail local part: "Jildou ter Horst" -> "jildou.terhorst". */
export function emailSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * A unique e-mail address for a name, on a demo domain. Adds a number when the address is in
 * `used`, and adds the result to `used`.
 *
 * @example
 * const used = new Set<string>();
 * email(rng, name, used); // 'jan.vandermeer@example.nl', 'j.vandermeer@voorbeeld.nl', 'janvandermeer84@example.com', ...
 */
export function email(
  rng: Rng,
  name: Pick<PersonName, 'firstName' | 'tussenvoegsel' | 'lastName'>,
  used: Set<string>,
  domain?: string,
): string {
  const first = emailSlug(name.firstName);
  const last = emailSlug(name.tussenvoegsel + name.lastName);
  const local = rng.weighted<string>([
    [`${first}.${last}`, 5],
    [`${first.charAt(0)}.${last}`, 2],
    [`${first}${last}`, 1],
    [`${first}${rng.int(60, 99)}`, 1],
    [`${first}.${last}${rng.int(1, 99)}`, 1],
  ]);
  const host = domain ?? rng.weighted(DEMO_EMAIL_DOMAINS.map((d, i) => [d, i < 2 ? 4 : 1] as const));
  let address = `${local}@${host}`;
  for (let n = 2; used.has(address); n++) address = `${local}${n}@${host}`;
  used.add(address);
  return address;
}

/**
 * A Dutch mobile number in E.164: "+316" and eight digits. The digit after 6 is one used for
 * mobiles (1–5, 8); 066 (pagers) and 067 (data) are avoided.
 *
 * @example
 * dutchMobile(rng); // '+31612345678'
 */
export function dutchMobile(rng: Rng): string {
  return `+316${rng.pick(['1', '2', '3', '4', '5', '8'])}${rng.digits(7)}`;
}

const GENERIC_PARTS = [
  'Dorps',
  'Kerk',
  'Molen',
  'School',
  'Stations',
  'Markt',
  'Haven',
  'Water',
  'Schans',
  'Hoofd',
  'Brug',
  'Veld',
  'Bos',
  'Beek',
  'Zand',
  'Meer',
  'Polder',
  'Kanaal',
  'Sluis',
  'Weide',
  'Hof',
  'Burg',
  'Ring',
  'Konings',
  'Prinsen',
];
const GENERIC_SUFFIXES = ['straat', 'weg', 'laan', 'pad', 'plein', 'dijk', 'kade', 'singel'];
const TREES = [
  'Eiken',
  'Beuken',
  'Linden',
  'Berken',
  'Essen',
  'Wilgen',
  'Populieren',
  'Kastanje',
  'Iepen',
  'Elzen',
  'Hazelaar',
  'Meidoorn',
];
const TREE_SUFFIXES = ['laan', 'hof', 'straat', 'dreef'];
const FLOWERS = [
  'Rozen',
  'Tulpen',
  'Narcissen',
  'Lelie',
  'Anjer',
  'Zonnebloem',
  'Krokus',
  'Hyacint',
  'Viooltjes',
  'Goudsbloem',
  'Klaproos',
  'Seringen',
];
const FLOWER_SUFFIXES = ['straat', 'hof', 'laan', 'perk'];
const POETS = [
  'Vondel',
  'Bilderdijk',
  'Multatuli',
  'Hooft',
  'Bredero',
  'Gezelle',
  'Cats',
  'Potgieter',
  'Da Costa',
  'Tollens',
  'Gorter',
  'Staring',
  'Beets',
  'Huygens',
  'Roland Holst',
];
const POET_SUFFIXES = ['straat', 'laan', 'weg', 'plein'];

const compound = (parts: readonly string[], suffixes: readonly string[]): string[] =>
  parts.flatMap((p) => suffixes.map((s) => p + s));

/**
 * About four hundred distinct street names built from common Dutch parts:
 * Dorps+straat, Kerk+weg, Molen+laan, trees (Eikenlaan), flowers (Rozenhof), poets (Vondelstraat).
 */
export const STREET_NAMES: readonly string[] = Object.freeze([
  ...new Set([
    ...compound(GENERIC_PARTS, GENERIC_SUFFIXES),
    ...compound(TREES, TREE_SUFFIXES),
    ...compound(FLOWERS, FLOWER_SUFFIXES),
    ...compound(POETS, POET_SUFFIXES),
  ]),
]);

/**
 * A random street name.
 *
 * @example
 * streetName(rng); // 'Molenweg'
 */
export function streetName(rng: Rng): string {
  return rng.pick(STREET_NAMES);
}
