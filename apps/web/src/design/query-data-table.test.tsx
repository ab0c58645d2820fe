// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { I18nProvider } from '../lib/i18n/i18n';
import { QueryDataTable } from './query-data-table';
import type { DataTableColumn } from './data-table';

type Row = { id: string; name: string };
const columns: DataTableColumn<Row>[] = [{ id: 'name', header: 'Naam', cell: (r) => r.name }];

function renderWith(query: {
  data?: { items: Row[]; total: number };
  isError: boolean;
  error: unknown;
  isFetching: boolean;
}) {
  render(
    <I18nProvider initialLocale="nl-NL">
      <QueryDataTable<Row>
        label="Klanten"
        columns={columns}
        query={query}
        params={{ page: 1, pageSize: 25 }}
        getRowId={(r) => r.id}
        onPageChange={vi.fn()}
      />
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe('QueryDataTable', () => {
  test("shows the query's page", () => {
    renderWith({
      data: { items: [{ id: 'a', name: 'Anna de Vries' }], total: 1 },
      isError: false,
      error: null,
      isFetching: false,
    });
    expect(screen.getByRole('cell', { name: 'Anna de Vries' })).toBeTruthy();
  });

  test('shows the load error when there is nothing to show', () => {
    renderWith({ isError: true, error: new Error('offline'), isFetching: false });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Laden is mislukt.', { exact: false })).toBeTruthy();
  });

  test('keeps showing the last page when a refetch fails', () => {
    renderWith({
      data: { items: [{ id: 'a', name: 'Anna de Vries' }], total: 1 },
      isError: true,
      error: new Error('offline'),
      isFetching: false,
    });
    expect(screen.getByRole('cell', { name: 'Anna de Vries' })).toBeTruthy();
  });
});
