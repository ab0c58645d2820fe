/**
 * A Dutch postcode as written on letters: four digits, a space, two capitals.
 * Anything that is not a Dutch postcode is returned trimmed but unchanged.
 *
 * @example formatPostcode('1234ab') // "1234 AB"
 */
export function formatPostcode(raw: string): string {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const match = /^([1-9][0-9]{3})([A-Z]{2})$/.exec(compact);
  return match ? `${match[1]} ${match[2]}` : raw.trim();
}

/** "Laan 12" + "A" -> "12A", "12" + "-2" -> "12-2": Dutch house number with its addition. */
export function formatHouseNumber(houseNumber: string | number, addition?: string | null): string {
  if (!addition) return String(houseNumber);
  return /^[a-zA-Z]$/.test(addition) ? `${houseNumber}${addition.toUpperCase()}` : `${houseNumber}-${addition}`;
}
