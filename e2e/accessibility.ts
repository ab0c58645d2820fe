import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The two widths every page must work at: a phone (390 px) and a laptop (1366 px). */
export const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

type AxeResult = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };

/**
 * What a page gets wrong at the width it is shown: axe-core's WCAG 2.0/2.1 level A and AA rules, and a
 * page that scrolls sideways (a table wider than the phone must scroll inside its own region, not take
 * the page with it). Returns one line per problem, empty when the page passes.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // Browser-side code as strings: the e2e files are typed for Node, without the DOM's globals.
  const overflow = (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;
  if (overflow > 1) problems.push(`the page scrolls sideways by ${overflow} px`);
  // Evaluated through the DevTools protocol, so the page's script-src 'self' does not stop it.
  if (!(await page.evaluate("'axe' in window"))) await page.evaluate(axeSource);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`,
  )) as AxeResult;
  for (const v of result.violations)
    problems.push(
      `axe ${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
    );
  return problems;
}

/** Checks the page at each width and leaves it at the first. */
export async function accessibilityProblemsAtWidths(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const size of [...WIDTHS].reverse()) {
    await page.setViewportSize(size);
    // One frame for the layout to follow the new width.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
    for (const p of await accessibilityProblems(page)) problems.push(`@${size.width}: ${p}`);
  }
  return problems;
}
