// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n';
import { OrderMilestones } from './order-milestones';

afterEach(cleanup);

describe('order milestones', () => {
  test('the next step follows the last one reached; a step passed without its mark is not "next"', () => {
    render(
      <I18nProvider initialLocale="nl-NL">
        <OrderMilestones
          milestones={[
            { code: 'order_received', reachedAt: '2026-11-01T09:00:00.000Z' },
            { code: 'materials_ready', reachedAt: null },
            { code: 'visit_scheduled', reachedAt: '2026-11-02T09:00:00.000Z' },
            { code: 'installation_done', reachedAt: null },
            { code: 'invoiced', reachedAt: null },
            { code: 'paid', reachedAt: null },
          ]}
        />
      </I18nProvider>,
    );
    const current = screen.getAllByRole('listitem').filter((li) => li.getAttribute('aria-current') === 'step');
    expect(current).toHaveLength(1);
    expect(current[0]!.textContent).toContain('Volgende stap');
    expect(screen.getAllByRole('listitem')[3]).toBe(current[0]);
  });
});
