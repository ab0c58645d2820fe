import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createApiKey } from '../../test/partner-api.ts';

/**
 * Bad input from the OpenAPI document, for every operation: whatever a caller sends, the answer is
 * never a 500 and every error is problem+json. Each case starts from a valid request (built from the
 * schemas) and spoils one thing: a path parameter, a query parameter, one body field, or the body.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
};
type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: Record<string, unknown>[];
};
type Case = { label: string; url: string; body?: string; headers?: Record<string, string> };

const SEED = 20261129;
const UNKNOWN_ID = '7d1c0b9e-5a7f-4c3e-9b1a-2f6e8d4c0a11';
const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
const DEEP_JSON = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
const BAD_NUMBERS: unknown[] = [2_147_483_648, -2_147_483_649, 1e300];
// NUL and a lone surrogate take turns (the contract refuses both the same way), to keep the run short.
let turn = 0;
const unstorableText = () => (turn++ % 2 ? LONE_SURROGATE : NUL);
const unstorableUrlText = () => (turn++ % 2 ? '%ED%A0%80' : 'a%00b');

/** Raw URL text for a parameter: NUL and an encoded lone surrogate (invalid UTF-8) anywhere, then what its type invites. */
function badUrlValues(schema: Schema): string[] {
  const s = resolve(schema);
  const kind = typeOf(s);
  const special =
    kind === 'integer' || kind === 'number'
      ? ['-2147483649', '99999999999999999999', '1e400']
      : s.format === 'uuid'
        ? ['not-a-uuid']
        : s.format === 'date-time'
          ? ['2026-02-30T10:00:00Z']
          : s.pattern?.includes('\\d{4}-\\d{2}')
            ? ['2026-02-30', '0000-00-00']
            : [];
  return [unstorableUrlText(), ...special];
}

let t: TestApp;
let components: Record<string, Schema> = {};
const backupDir = mkdtempSync(path.join(tmpdir(), 'cc-fuzz-backups-'));

function resolve(schema: Schema): Schema {
  let s = schema;
  while (s.$ref) s = components[s.$ref.split('/').pop()!]!;
  if (s.allOf?.length) s = Object.assign({}, ...s.allOf.map(resolve), { allOf: undefined }) as Schema;
  return s;
}
const typeOf = (s: Schema) => [s.type].flat().find((x) => x && x !== 'null');

/** A small valid value for a schema (required properties only), deterministic for the seed. */
function validValue(schema: Schema): unknown {
  const s = resolve(schema);
  const options = s.anyOf ?? s.oneOf;
  if (options) return validValue(options.find((o) => typeOf(resolve(o))) ?? options[0]!);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, validValue(s.properties?.[k] ?? {})]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => validValue(s.items ?? {}));
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, (s.exclusiveMinimum ?? 0) + 1), s.maximum ?? 1);
    case 'boolean':
      return true;
    case 'string': {
      if (s.format === 'uuid') return UNKNOWN_ID;
      if (s.format === 'date-time') return '2026-03-02T10:00:00Z';
      if (s.format === 'date') return '2026-03-02';
      if (s.format === 'email') return 'fuzz@example.nl';
      if (s.pattern) {
        const [sample] = fc.sample(fc.stringMatching(new RegExp(s.pattern)), { seed: SEED, numRuns: 1 });
        return sample!.slice(0, s.maxLength ?? sample!.length);
      }
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
    }
    default:
      return null;
  }
}

/** Every place in a body schema where a bad value can go, with the values to try there. */
function badSpots(
  schema: Schema,
  at: (string | number)[] = [],
  depth = 0,
): { at: (string | number)[]; values: unknown[] }[] {
  const s = resolve(schema);
  const options = s.anyOf ?? s.oneOf;
  if (options) return badSpots(options.find((o) => typeOf(resolve(o))) ?? options[0]!, at, depth);
  const kind = typeOf(s);
  if (kind === 'object' && depth < 4) {
    return [
      { at, values: ['x'] },
      ...Object.entries(s.properties ?? {}).flatMap(([k, p]) => badSpots(p, [...at, k], depth + 1)),
    ];
  }
  if (kind === 'array' && depth < 4) return [{ at, values: [{}] }, ...badSpots(s.items ?? {}, [...at, 0], depth + 1)];
  if (kind === 'integer' || kind === 'number') return [{ at, values: BAD_NUMBERS }];
  if (kind === 'string') {
    const special =
      s.format === 'uuid'
        ? ['not-a-uuid']
        : s.format === 'date-time'
          ? ['2026-02-30T10:00:00Z']
          : s.pattern?.includes('\\d{4}-\\d{2}')
            ? ['2026-02-30', '2026-13-01']
            : [];
    return [{ at, values: [unstorableText(), ...special] }];
  }
  if (kind === 'boolean') return [{ at, values: ['true'] }];
  return [];
}

/** The valid body with one value replaced; containers on the way are made when the valid body has none. */
function withValue(body: unknown, schema: Schema, at: (string | number)[], value: unknown): unknown {
  if (!at.length) return value;
  const s = resolve(schema);
  const inner = resolve((s.anyOf ?? s.oneOf)?.find((o) => typeOf(resolve(o))) ?? s);
  const [head, ...rest] = at;
  if (typeof head === 'number') {
    const items = Array.isArray(body) && body.length ? [...body] : [validValue(inner.items ?? {})];
    items[0] = withValue(items[0], inner.items ?? {}, rest, value);
    return items;
  }
  const obj = body && typeof body === 'object' && !Array.isArray(body) ? ({ ...body } as Record<string, unknown>) : {};
  const child = inner.properties?.[head!] ?? {};
  obj[head!] = withValue(obj[head!] ?? validValue(child), child, rest, value);
  return obj;
}

function casesFor(route: string, method: string, op: Operation): Case[] {
  const params = op.parameters ?? [];
  const pathValues = Object.fromEntries(
    params.filter((p) => p.in === 'path').map((p) => [p.name, encodeURIComponent(String(validValue(p.schema)))]),
  );
  const requiredQuery = params
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => [p.name, encodeURIComponent(String(validValue(p.schema)))] as const);
  const urlWith = (pathOverride: Record<string, string> = {}, query: (readonly [string, string])[] = requiredQuery) => {
    const p = route.replace(/\{(\w+)\}/g, (_, name: string) => pathOverride[name] ?? pathValues[name]!);
    return query.length ? `${p}?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : p;
  };
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const validBody = bodySchema ? JSON.stringify(validValue(bodySchema)) : undefined;
  const cases: Case[] = [{ label: 'valid with unknown ids', url: urlWith(), body: validBody }];
  for (const p of params.filter((x) => x.in === 'path')) {
    for (const v of badUrlValues(p.schema))
      cases.push({ label: `path ${p.name}=${v}`, url: urlWith({ [p.name]: v }), body: validBody });
  }
  for (const p of params.filter((x) => x.in === 'query')) {
    for (const v of badUrlValues(p.schema)) {
      cases.push({
        label: `query ${p.name}=${v}`,
        url: urlWith({}, [...requiredQuery.filter(([k]) => k !== p.name), [p.name, v]]),
        body: validBody,
      });
    }
  }
  if (bodySchema) {
    const valid = JSON.parse(validBody!) as unknown;
    if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
      cases.push({
        label: 'body with an unknown key holding NUL',
        url: urlWith(),
        body: JSON.stringify({ ...valid, [`k${NUL}${LONE_SURROGATE}`]: NUL }),
      });
    }
    for (const spot of badSpots(bodySchema)) {
      for (const v of spot.values) {
        cases.push({
          label: `body ${spot.at.join('.') || '(root)'}=${JSON.stringify(v)}`,
          url: urlWith(),
          body: JSON.stringify(withValue(JSON.parse(validBody!), bodySchema, spot.at, v)),
        });
      }
    }
  }
  if (method !== 'get') {
    cases.push({
      label: 'deep JSON with Idempotency-Key',
      url: urlWith(),
      body: DEEP_JSON,
      headers: { 'idempotency-key': `fuzz-${method}-${route}`.slice(0, 200) },
    });
    cases.push({ label: 'body not JSON', url: urlWith(), body: '{"a":' });
  }
  return cases;
}

beforeAll(async () => {
  t = await createTestApp({
    BACKUP_DIR: backupDir,
    WEB_FORM_RATE_LIMIT_PER_MINUTE: '100000',
    API_RATE_LIMIT_PER_MINUTE: '100000',
  });
  components = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().components.schemas;
});
afterAll(async () => {
  await t?.close();
  rmSync(backupDir, { recursive: true, force: true });
});

describe('bad input from the OpenAPI document', () => {
  it('never answers 500, and answers every error as problem+json', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const admin = await t.as('admin@chargecars.nl');
    const apiKey = (
      await createApiKey(t, 'partner-a@alfa.example.nl', t.fixtures.partnerA.id, ['leads:write', 'leads:read'])
    ).secret;
    const adminHeaders = { cookie: `cc_session=${admin.cookie}`, 'x-csrf-token': admin.csrf };
    // Logging out would end the admin session the other operations use; it takes no input anyway.
    const operations = Object.entries(doc.paths)
      .flatMap(([route, ops]) => Object.entries(ops).map(([method, op]) => ({ route, method, op })))
      .filter(({ route }) => route !== '/api/auth/logout');
    const failures: string[] = [];
    let sent = 0;
    for (const { route, method, op } of operations) {
      const caller = op.security?.some((s) => 'apiKey' in s) ? { authorization: `Bearer ${apiKey}` } : adminHeaders;
      // Anonymous callers too, on the routes that let them in (the first case tells).
      let anonymousAllowed = true;
      for (const c of casesFor(route, method, op)) {
        for (const actor of anonymousAllowed ? [{}, caller] : [caller]) {
          const res = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url: c.url,
            headers: {
              ...actor,
              ...c.headers,
              ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(c.body !== undefined ? { payload: c.body } : {}),
          });
          sent++;
          if (!Object.keys(actor).length && res.statusCode === 401) anonymousAllowed = false;
          const who = Object.keys(actor).length ? 'caller' : 'anonymous';
          if (res.statusCode >= 500)
            failures.push(
              `${method.toUpperCase()} ${route} [${c.label}] as ${who}: ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          else if (
            res.statusCode >= 400 &&
            !String(res.headers['content-type']).startsWith('application/problem+json')
          ) {
            failures.push(
              `${method.toUpperCase()} ${route} [${c.label}] as ${who}: ${res.statusCode} with ${res.headers['content-type']}`,
            );
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 120_000);
});
