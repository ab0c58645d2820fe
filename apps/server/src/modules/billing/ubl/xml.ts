/** Escapes text for an XML element or attribute. */
export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

type Attrs = Record<string, string>;
/** One element; children are already-built XML strings, skipped when null or empty. */
export function el(name: string, content: string | number | (string | null)[] | null, attrs: Attrs = {}): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');
  if (Array.isArray(content)) return `<${name}${a}>${content.filter(Boolean).join('')}</${name}>`;
  return content === null ? '' : `<${name}${a}>${esc(String(content))}</${name}>`;
}
