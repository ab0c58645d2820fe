// Dutch area codes with two digits after the 0 (010 Rotterdam, 020 Amsterdam, ...); all
// other geographic codes have three. Numbers are grouped after the area code as people say them.
const TWO_DIGIT_AREAS = new Set([
  '10',
  '13',
  '15',
  '20',
  '23',
  '24',
  '26',
  '30',
  '33',
  '35',
  '36',
  '38',
  '40',
  '43',
  '45',
  '46',
  '50',
  '53',
  '55',
  '58',
  '70',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '77',
  '78',
  '79',
  '85',
  '88',
]);

/** Reduces any Dutch notation (+31, 0031, spaces, dashes) to the national `0XXXXXXXXX`, or null. */
function national(raw: string): string | null {
  let digits = raw.replace(/[^\d+]/g, '');
  if (digits.startsWith('+31')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0031')) digits = `0${digits.slice(4)}`;
  if (digits.startsWith('0(0)')) digits = digits.replace('(0)', '');
  return /^0\d{9}$/.test(digits) ? digits : null;
}

/**
 * A Dutch phone number for reading.
 *
 * @example formatPhone('+31612345678') // "06 12 34 56 78"
 * @example formatPhone('0201234567')   // "020 123 4567"
 * @example formatPhone('0513123456')   // "0513 123 456"
 */
export function formatPhone(raw: string): string {
  const n = national(raw);
  if (!n) return raw.trim();
  if (n.startsWith('06')) return `06 ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8, 10)}`;
  if (TWO_DIGIT_AREAS.has(n.slice(1, 3))) return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
}

/** The `tel:` link target in international form, so it dials from a phone abroad too. */
export function phoneHref(raw: string): string {
  const n = national(raw);
  return n ? `tel:+31${n.slice(1)}` : `tel:${raw.replace(/[^\d+]/g, '')}`;
}
