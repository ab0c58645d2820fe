/** A Dutch postcode split into its parts. */
export interface ParsedPostcode {
  /** The four digits, e.g. "3861". */
  pc4: string;
  /** The two letters, upper case, e.g. "AB". */
  letters: string;
  /** The display form "3861 AB". */
  formatted: string;
}

// Four digits, the first not 0, then two letters; any amount of whitespace around and between.
const POSTCODE_RE = /^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$/;
const PC4_RE = /^\s*([1-9]\d{3})\s*$/;
// PostNL does not issue these letter pairs (SA, SD and SS have wartime connotations).
const UNUSED_LETTERS = new Set(['SA', 'SD', 'SS']);

/**
 * Parses a full Dutch postcode (four digits, two letters). Case and whitespace are forgiven;
 * a leading 0, the letter pairs SA/SD/SS (never issued) and wrong lengths are rejected.
 *
 * @example
 * parsePostcode(' 3861  ab '); // { pc4: '3861', letters: 'AB', formatted: '3861 AB' }
 * parsePostcode('0123 AB');    // null
 */
export function parsePostcode(input: string): ParsedPostcode | null {
  const m = POSTCODE_RE.exec(input);
  if (!m) return null;
  const pc4 = m[1] ?? '';
  const letters = (m[2] ?? '').toUpperCase();
  if (UNUSED_LETTERS.has(letters)) return null;
  return { pc4, letters, formatted: `${pc4} ${letters}` };
}

/**
 * Returns the four-digit part of a full postcode or of a bare PC4 ("3861"), or null.
 *
 * @example
 * toPc4('3861ab'); // '3861'
 * toPc4('3861');   // '3861'
 */
export function toPc4(postcodeOrPc4: string): string | null {
  const pc4 = PC4_RE.exec(postcodeOrPc4)?.[1];
  if (pc4) return pc4;
  return parsePostcode(postcodeOrPc4)?.pc4 ?? null;
}

/**
 * Formats a postcode for display: "1234 AB" for a valid full postcode, "1234" for a bare PC4.
 * Anything else is returned trimmed but otherwise as typed, so a display never loses data.
 *
 * @example
 * formatPostcode('3861ab'); // '3861 AB'
 * formatPostcode('B-2000'); // 'B-2000'
 */
export function formatPostcode(input: string): string {
  const parsed = parsePostcode(input);
  if (parsed) return parsed.formatted;
  return PC4_RE.exec(input)?.[1] ?? input.trim();
}

/** The parts of a Dutch address as the platform stores them. Empty parts are left out when formatting. */
export interface AddressParts {
  street: string;
  houseNumber: string | number;
  /** BAG "huisletter", e.g. "A". */
  houseLetter?: string | null;
  /** BAG "huisnummertoevoeging" or a free addition such as "A", "2", "hs", "bis". */
  houseNumberAddition?: string | null;
  postcode?: string | null;
  city?: string | null;
}

/**
 * Formats house number, letter and addition the Dutch way: a single letter is written against the
 * number ("12A"); any other addition follows after a hyphen ("12-2", "12A-hs").
 *
 * @example
 * formatHouseNumber({ houseNumber: 12, houseNumberAddition: 'a' }); // '12A'
 * formatHouseNumber({ houseNumber: 1, houseNumberAddition: '026' }); // '1-026'
 */
export function formatHouseNumber(
  parts: Pick<AddressParts, 'houseNumber' | 'houseLetter' | 'houseNumberAddition'>,
): string {
  const number = String(parts.houseNumber).trim();
  const letter = (parts.houseLetter ?? '').trim().toUpperCase();
  const addition = (parts.houseNumberAddition ?? '').trim().replace(/^[-\s]+/, '');
  if (!addition) return number + letter;
  if (!letter && /^[A-Za-z]$/.test(addition)) return number + addition.toUpperCase();
  return `${number}${letter}-${addition}`;
}

/**
 * Formats a Dutch address on one line: "Street 12A, 1234 AB City".
 *
 * @example
 * formatAddress({ street: 'Dorpsstraat', houseNumber: 12, houseNumberAddition: 'A', postcode: '1234ab', city: 'Amsterdam' });
 * // 'Dorpsstraat 12A, 1234 AB Amsterdam'
 */
export function formatAddress(parts: AddressParts): string {
  return formatAddressLines(parts).join(', ');
}

/**
 * Formats a Dutch address as two lines, street line and place line, for cards and labels on screen.
 * Lines without content are left out.
 *
 * @example
 * formatAddressLines({ street: 'Dorpsstraat', houseNumber: 12, postcode: '3861 AB', city: 'Nijkerk' });
 * // ['Dorpsstraat 12', '3861 AB Nijkerk']
 */
export function formatAddressLines(parts: AddressParts): string[] {
  const streetLine = [parts.street.trim(), formatHouseNumber(parts)].filter(Boolean).join(' ');
  const postcode = parts.postcode ? formatPostcode(parts.postcode) : '';
  const placeLine = [postcode, (parts.city ?? '').trim()].filter(Boolean).join(' ');
  return [streetLine, placeLine].filter(Boolean);
}
