// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { I18nProvider } from '../lib/i18n/i18n';
import { DataTable, nextSort, sortToState, stateToSort, type DataTableColumn } from './data-table';

type Row = { id: string; name: string; city: string };

const columns: DataTableColumn<Row>[] = [
  { id: 'name', header: 'Naam', sortable: true, cell: (r) => r.name },
  { id: 'city', header: 'Plaats', cell: (r) => r.city },
];

const rows: Row[] = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, name: `Klant ${i}`, city: 'Utrecht' }));

function renderTable(overrides: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  const handlers = { onPageChange: vi.fn(), onSortChange: vi.fn(), onSearchChange: vi.fn() };
  const props = {
    label: 'Klanten',
    columns,
    rows,
    total: 6959,
    page: 1,
    pageSize: 50,
    getRowId: (r: Row) => r.id,
    ...handlers,
    ...overrides,
  };
  const view = render(
    <I18nProvider initialLocale="nl-NL">
      <DataTable<Row> {...props} />
    </I18nProvider>,
  );
  const rerender = (next: Partial<typeof props>) =>
    view.rerender(
      <I18nProvider initialLocale="nl-NL">
        <DataTable<Row> {...props} {...next} />
      </I18nProvider>,
    );
  return { ...handlers, rerender };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('DataTable (server-side paging and sorting)', () => {
  test('shows the page it was given and the total count', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Klanten' });
    // header row + 50 data rows
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('6.959 resultaten')).toBeTruthy();
    expect(screen.getByText('Pagina 1 van 140')).toBeTruthy();
  });

  test('one result is one, not "1 results"', () => {
    const { rerender } = renderTable({ total: 1, rows: rows.slice(0, 1) });
    expect(screen.getByText('1 resultaat')).toBeTruthy();
    rerender({ total: 2, rows: rows.slice(0, 2) });
    expect(screen.getByText('2 resultaten')).toBeTruthy();
  });

  test('next and previous ask the parent for another page (1-based) and stop at the ends', () => {
    const first = renderTable();
    expect((screen.getByRole('button', { name: 'Vorige' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(first.onPageChange).toHaveBeenCalledWith(2);

    first.rerender({ page: 140 });
    expect((screen.getByRole('button', { name: 'Volgende' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Vorige' }));
    expect(first.onPageChange).toHaveBeenLastCalledWith(139);
  });

  test('clicking a sortable header cycles ascending, descending, none', () => {
    const t = renderTable();
    const header = () => screen.getByRole('columnheader', { name: /Naam/ });
    expect(header().getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header()).getByRole('button'));
    expect(t.onSortChange).toHaveBeenLastCalledWith('name');

    t.rerender({ sort: 'name' });
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header()).getByRole('button'));
    expect(t.onSortChange).toHaveBeenLastCalledWith('-name');

    t.rerender({ sort: '-name' });
    expect(header().getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(header()).getByRole('button'));
    expect(t.onSortChange).toHaveBeenLastCalledWith(undefined);
  });

  test('a column that is not sortable has no sort button', () => {
    renderTable();
    const city = screen.getByRole('columnheader', { name: 'Plaats' });
    expect(within(city).queryByRole('button')).toBeNull();
    expect(city.hasAttribute('aria-sort')).toBe(false);
  });

  test('search is reported once, after typing pauses', () => {
    vi.useFakeTimers();
    const t = renderTable();
    const box = screen.getByRole('searchbox', { name: 'Zoeken' });
    fireEvent.change(box, { target: { value: '12' } });
    fireEvent.change(box, { target: { value: '1234' } });
    fireEvent.change(box, { target: { value: '1234 AB' } });
    expect(t.onSearchChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(350));
    expect(t.onSearchChange).toHaveBeenCalledTimes(1);
    expect(t.onSearchChange).toHaveBeenCalledWith('1234 AB');
  });

  test('loading and empty states', () => {
    const t = renderTable({ rows: [], total: 0, loading: true });
    expect(screen.getByText('Bezig met laden…')).toBeTruthy();
    t.rerender({ rows: [], total: 0, loading: false });
    expect(screen.getByText('Geen resultaten')).toBeTruthy();
    expect(screen.getByText('Pagina 1 van 1')).toBeTruthy();
  });

  test('sort parameter <-> table state', () => {
    expect(sortToState('-createdAt')).toEqual([{ id: 'createdAt', desc: true }]);
    expect(sortToState(undefined)).toEqual([]);
    expect(stateToSort([{ id: 'postcode', desc: false }])).toBe('postcode');
    expect(stateToSort([])).toBeUndefined();
    // A header click sorts ascending, then descending, then not at all; another column starts ascending.
    expect(nextSort(undefined, 'name')).toBe('name');
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBeUndefined();
    expect(nextSort('-createdAt', 'name')).toBe('name');
  });
});
