// @vitest-environment jsdom
import type { ComponentProps } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, loadEnglish } from '../../../lib/i18n/i18n';
import { PlanningKpis } from './planning-kpis';

const kpi = {
  from: '2026-11-30',
  to: '2026-12-06',
  utilisation: 0.543,
  utilisationGoal: 0.85,
  firstTimeRight: 1,
  firstTimeRightGoal: 0.95,
  visitsDone: 12,
  plannedVisits: 40,
  travelKmPerVisit: 60.6,
  teams: [],
};

afterEach(cleanup);

const renderIn = (locale: 'nl-NL' | 'en', figures: ComponentProps<typeof PlanningKpis>['kpi'] = kpi) =>
  render(
    <I18nProvider initialLocale={locale}>
      <PlanningKpis kpi={figures} />
    </I18nProvider>,
  );

describe("the planning board's figures", () => {
  it('are written in the reader’s notation: a decimal comma in Dutch, a point in English', async () => {
    renderIn('nl-NL');
    expect(screen.getByText('60,6 km')).toBeTruthy();
    expect(screen.getByText('54,3%')).toBeTruthy();
    expect(screen.getByText('Benutting teams (doel 85%)')).toBeTruthy();
    cleanup();
    await loadEnglish();
    renderIn('en');
    expect(screen.getByText('60.6 km')).toBeTruthy();
    expect(screen.getByText('54.3%')).toBeTruthy();
  });

  it('say there is nothing yet rather than show a number', () => {
    renderIn('nl-NL', { ...kpi, firstTimeRight: null, travelKmPerVisit: null });
    expect(screen.getAllByText('nog geen gegevens')).toHaveLength(2);
  });
});
