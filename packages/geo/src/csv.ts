/**
 * A small RFC 4180 CSV parser: comma separated, fields may be quoted with `"`, a quote inside a
 * quoted field is doubled (`""`), quoted fields may hold commas and line breaks, records end in
 * CRLF or LF. A final line break does not start an empty record. Malformed input throws a
 * `SyntaxError` (an unterminated quote, text after a closing quote, a quote inside an unquoted field).
 *
 * @example
 * parseCsv('pc4,municipality\n5671,"Nuenen, Gerwen en Nederwetten"\n');
 * // [['pc4', 'municipality'], ['5671', 'Nuenen, Gerwen en Nederwetten']]
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  // True right after a separator or line break, i.e. nothing of the current field has been read.
  let fieldStart = true;
  // A leading byte order mark is not part of the first field.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  const fail = (what: string): never => {
    throw new SyntaxError(`CSV: ${what} in record ${records.length + 1}`);
  };

  while (i < n) {
    const ch = text[i];
    if (ch === '"') {
      if (!fieldStart) fail('quote inside an unquoted field');
      i++;
      for (;;) {
        if (i >= n) fail('unterminated quoted field');
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
        } else {
          field += c;
          i++;
        }
      }
      i++; // the closing quote
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') fail('text after a closing quote');
      fieldStart = false;
      continue;
    }
    if (ch === ',') {
      record.push(field);
      field = '';
      fieldStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStart = false;
      i++;
    }
  }
  // The last record when the text does not end in a line break.
  if (record.length > 0 || !fieldStart) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * Parses CSV with a header line into one object per record, keyed by the header names.
 * Every record must have as many fields as the header.
 *
 * @example
 * parseCsvObjects('pc4,province\n3861,Gelderland\n'); // [{ pc4: '3861', province: 'Gelderland' }]
 */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new SyntaxError(`CSV: record ${index + 2} has ${row.length} fields, the header has ${header.length}`);
    }
    const obj: Record<string, string> = {};
    header.forEach((name, col) => {
      obj[name] = row[col] ?? '';
    });
    return obj;
  });
}
