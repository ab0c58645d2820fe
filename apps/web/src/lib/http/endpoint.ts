import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route the web calls: method, path as the server declares it (`:name` for a parameter) and
 * the packages/contract schema of its answer (null when the web reads no body, as for a 204). Feature
 * api files export theirs, so a server test finds every one, calls it on demo data and parses the real
 * answer with this schema (apps/server/src/web-fetchers.integration.test.ts).
 *
 * @example
 * export const getOrderEndpoint = endpoint('GET', '/api/orders/:id', OrderDetail);
 * request(getOrderEndpoint, { params: { id } });
 */
export type Endpoint<S extends z.ZodType | null = z.ZodType | null> = {
  readonly kind: 'endpoint';
  readonly method: Method;
  readonly path: string;
  readonly response: S;
};

export function endpoint<S extends z.ZodType | null>(method: Method, path: string, response: S): Endpoint<S> {
  return { kind: 'endpoint', method, path, response };
}

export type PathParams = Record<string, string | number>;

/** The endpoint's path with each `:name` filled in, URL-encoded. */
export function pathOf(target: Endpoint, params: PathParams = {}): string {
  return target.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${target.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
