import { TableScroll } from '../../../design/table-scroll';
import type { ReactNode } from 'react';

export type StockColumn<T> = { header: string; cell: (row: T) => ReactNode; numeric?: boolean };

/** A plain, captioned table for stock lists that arrive whole (no server paging). */
export function StockTable<T>({
  label,
  rows,
  columns,
  rowKey,
  empty,
}: {
  label: string;
  rows: T[];
  columns: StockColumn<T>[];
  rowKey: (row: T) => string;
  empty: string;
}) {
  if (!rows.length) return <p className="text-sm text-ink-muted">{empty}</p>;
  return (
    <TableScroll label={label} className="rounded-lg border border-line bg-panel">
      <table className="w-full text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="bg-surface text-left text-ink-muted">
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`px-3 py-2 font-medium ${c.numeric ? 'text-right' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-line">
              {columns.map((c) => (
                <td key={c.header} className={`px-3 py-2 ${c.numeric ? 'text-right tabular-nums' : ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A quantity, red when below zero (bulk stock on a van that may run negative). */
export function QuantityCell({ value }: { value: number }) {
  return <span className={value < 0 ? 'font-medium text-danger-600' : ''}>{value}</span>;
}
