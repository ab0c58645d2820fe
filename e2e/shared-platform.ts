import type { TestProject } from 'vitest/node';
import { startPlatform, type Login } from './platform-process.ts';

/** What every browser suite gets of the one platform the run starts (plain data: it crosses to the test workers). */
export type SharedPlatform = { url: string; logins: Login[]; mailDropDir: string };

declare module 'vitest' {
  export interface ProvidedContext {
    platform: SharedPlatform;
  }
}

/**
 * Vitest's global setup for the browser suites: one platform (migrations, demo data, built web app) for
 * the whole run. Starting it costs more CPU than most suites' own steps, and each suite makes its own
 * records (its own lead, quote, note) instead of relying on untouched demo data.
 */
export default async function startSharedPlatform(project: TestProject) {
  const platform = await startPlatform();
  project.provide('platform', { url: platform.url, logins: platform.logins, mailDropDir: platform.mailDropDir });
  return () => platform.stop();
}
