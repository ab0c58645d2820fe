// @vitest-environment jsdom
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

describe("the planning board's figures", () => {
  it('are written in the reader’s notation: a decimal comma in Dutch, a point in English', async () => {
    render(
      <I18nProvider initialLocale="nl-NL">
        <PlanningKpis kpi={kpi} />
      </I18nProvider>,
    );
    expect(screen.getByText('60,6 km')).toBeTruthy();
    expect(screen.getByText('54,3%')).toBeTruthy();
    expect(screen.getByText('Benutting teams (doel 85%)')).toBeTruthy();
    cleanup();
    await loadEnglish();
    render(
      <I18nProvider initialLocale="en">
        <PlanningKpis kpi={kpi} />
      </I18nProvider>,
    );
    expect(screen.getByText('60.6 km')).toBeTruthy();
    expect(screen.getByText('54.3%')).toBeTruthy();
  });

  it('say there is nothing yet rather than show a number', () => {
    render(
      <I18nProvider initialLocale="nl-NL">
        <PlanningKpis kpi={{ ...kpi, firstTimeRight: null, travelKmPerVisit: null }} />
      </I18nProvider>,
    );
    expect(screen.getAllByText('nog geen gegevens')).toHaveLength(2);
  });
});
