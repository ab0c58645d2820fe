/** A placeholder in a template: `{{customerName}}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** The names a template text uses, in order of first use; a malformed one (`{{ a b }}`) is returned as written. */
export function placeholdersIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names];
}
export const isVariableName = (name: string) => NAME.test(name);

// Parsed once per distinct text: ten thousand reminders share one template.
const parsed = new Map<string, (string | { name: string })[]>();
function parts(text: string) {
  let p = parsed.get(text);
  if (!p) {
    p = [];
    let last = 0;
    for (const m of text.matchAll(PLACEHOLDER)) {
      p.push(text.slice(last, m.index), { name: m[1]! });
      last = m.index + m[0].length;
    }
    p.push(text.slice(last));
    if (parsed.size > 2000) parsed.clear();
    parsed.set(text, p);
  }
  return p;
}

/** The text with each placeholder replaced by its value (an absent optional one by nothing). */
export function fillIn(text: string, values: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const part of parts(text)) out += typeof part === 'string' ? part : (values[part.name] ?? '');
  return out;
}
