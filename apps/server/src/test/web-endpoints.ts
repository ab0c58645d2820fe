import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

// The web's fetchers, as the web declares them (apps/web/src/lib/http/endpoint.ts): every feature api
// file exports its endpoints, each with the packages/contract schema its fetcher parses the answer with.
// They are found at run time, so a new fetcher is in the tests without anyone listing it there.
export type WebEndpoint = { kind: 'endpoint'; method: string; path: string; response: z.ZodType | null };
export const WEB_SRC = path.resolve(import.meta.dirname, '../../../web/src');
const FEATURES = path.join(WEB_SRC, 'features');

const isEndpoint = (v: unknown): v is WebEndpoint =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'endpoint';

/** Every endpoint the web's feature api files export, by `METHOD /path`, with where each is declared. */
export async function webEndpointsByRoute() {
  const apiFiles = readdirSync(FEATURES).flatMap((feature) => {
    const dir = path.join(FEATURES, feature, 'api');
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => path.join(dir, f));
    } catch {
      return [];
    }
  });
  const byRoute = new Map<string, { name: string; endpoint: WebEndpoint }[]>();
  for (const file of apiFiles) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!isEndpoint(value)) continue;
      const route = `${value.method} ${value.path}`;
      byRoute.set(route, [
        ...(byRoute.get(route) ?? []),
        { name: `${path.relative(WEB_SRC, file)}#${name}`, endpoint: value },
      ]);
    }
  }
  return byRoute;
}

/** The web's source files (no tests), relative to apps/web/src, with their text. */
export function webSources(dir = WEB_SRC): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? webSources(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [{ file: path.relative(WEB_SRC, path.join(dir, e.name)), text: readFileSync(path.join(dir, e.name), 'utf8') }]
        : [],
  );
}
