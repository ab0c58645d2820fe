import { TableScroll } from '../../../design/table-scroll';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../../design/button';
import { Input } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { Combobox } from '../../../design/combobox';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useCatalogItems, type CatalogItem } from '../api/catalog-items';
import type { QuoteLineInput } from '../api/save-quote-lines';

/** A line in the editor: a catalogue product or kit, or a free line carried over from the quote as it was. */
export type EditorLine = {
  key: string;
  kind: 'product' | 'kit' | 'free';
  id: string | null;
  name: string;
  /** Shown under the name: a kit's components. */
  detail: string | null;
  quantity: number;
  unitPriceCents: number;
  free?: { vatRate: number; vatCategory: string; billTo: string };
};

/** A catalogue name in the reader's language (`localized` of useI18n). */
type NameOf = (named: { name: string; nameEn: string | null }) => string;

const componentsText = (item: CatalogItem, nameOf: NameOf) =>
  item.components.map((c) => `${c.quantity} × ${nameOf(c)}`).join(' · ');

export const lineFromCatalog = (item: CatalogItem, quantity: number, nameOf: NameOf): EditorLine => ({
  key: `${item.kind}:${item.id}`,
  kind: item.kind,
  id: item.id,
  name: nameOf(item),
  detail: item.kind === 'kit' ? componentsText(item, nameOf) : null,
  quantity,
  unitPriceCents: item.priceCents,
});

function toInput(l: EditorLine): QuoteLineInput {
  if (l.kind === 'product') return { productId: l.id!, quantity: l.quantity };
  if (l.kind === 'kit') return { kitId: l.id!, quantity: l.quantity };
  return { description: l.name, quantity: l.quantity, unitPriceCents: l.unitPriceCents, ...l.free! };
}

const MAX_SHOWN = 50;

/** Items whose name (in either language), code or (for a kit) components hold every typed word, in catalogue order. */
export function matchCatalog(items: CatalogItem[], query: string): CatalogItem[] {
  const words = query.toLocaleLowerCase('nl-NL').split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  const both = (named: { name: string; nameEn: string | null }) => `${named.name} ${named.nameEn ?? ''}`;
  return items.filter((i) => {
    const text = `${both(i)} ${i.code} ${componentsText(i, both)}`.toLocaleLowerCase('nl-NL');
    return words.every((w) => text.includes(w));
  });
}

// The server names a refused line as lines.N.field (422) or body.lines.N.field (400).
const LINE_FIELD = /^(?:body\.)?lines\.(\d+)\./;

/**
 * The lines of a quote, picked from what the entity sells: products and kits side by side (a kit is one
 * line; its components are listed under it). Prices shown are the entity's list prices; the server sets
 * the final ones (a partner's wholesale price) and who pays each line.
 */
export function QuoteLinesForm({
  entityId,
  initial,
  saving,
  error,
  submitLabel,
  onSave,
  canSubmit = true,
  children,
}: {
  entityId: string;
  initial: EditorLine[];
  saving: boolean;
  error: unknown;
  submitLabel: string;
  onSave: (lines: QuoteLineInput[]) => void;
  /** False while something outside the lines is missing (a new quote without its customer). */
  canSubmit?: boolean;
  children?: ReactNode;
}) {
  const { t, formatCents, localized } = useI18n();
  const nameOf: NameOf = (named) => localized(named.name, named.nameEn);
  const catalog = useCatalogItems(entityId);
  const [lines, setLines] = useState<EditorLine[]>(initial);
  const [picked, setPicked] = useState('');
  const [search, setSearch] = useState('');
  const [quantity, setQuantity] = useState(1);
  const items = catalog.data?.items ?? [];
  const chosen = items.find((i) => `${i.kind}:${i.id}` === picked);
  const itemLabel = (i: CatalogItem) =>
    `${i.kind === 'kit' ? `${t('quoteEditor.kit')}: ` : ''}${nameOf(i)} (${i.code}) · ${formatCents(i.priceCents)}`;

  const add = () => {
    if (!chosen || !(quantity > 0)) return;
    const line = lineFromCatalog(chosen, quantity, nameOf);
    // The same product or kit twice is one line with both quantities: versions compare lines by item.
    setLines((cur) =>
      cur.some((l) => l.key === line.key)
        ? cur.map((l) => (l.key === line.key ? { ...l, quantity: l.quantity + quantity } : l))
        : [...cur, line],
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(lines.map(toInput));
  };
  const problem = isProblem(error) ? error : null;
  const lineErrors = new Map<number, string[]>();
  for (const fe of problem?.errors ?? []) {
    const m = LINE_FIELD.exec(fe.field);
    if (m) lineErrors.set(Number(m[1]), [...(lineErrors.get(Number(m[1])) ?? []), fe.message]);
  }
  const otherErrors = (problem?.errors ?? []).filter((fe) => !LINE_FIELD.test(fe.field));
  const matches = matchCatalog(items, search);
  const options = matches.slice(0, MAX_SHOWN).map((i) => ({
    value: `${i.kind}:${i.id}`,
    label: itemLabel(i),
    detail: i.kind === 'kit' ? componentsText(i, nameOf) : undefined,
  }));

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      {children}
      <fieldset className="flex flex-wrap items-end gap-2" disabled={!entityId}>
        <legend className="mb-1 text-sm font-medium">{t('quoteEditor.add')}</legend>
        {catalog.isError ? <Notice tone="error">{t('common.loadFailed')}</Notice> : null}
        <Combobox
          label={t('quoteEditor.item')}
          value={picked}
          selectedLabel={chosen ? itemLabel(chosen) : ''}
          query={search}
          onQueryChange={setSearch}
          options={options}
          loading={catalog.isPending}
          placeholder={t('quoteEditor.searchItem')}
          emptyText={t('picker.noneFound')}
          footer={matches.length > MAX_SHOWN ? t('picker.more', { total: matches.length }) : undefined}
          onChange={(o) => setPicked(o?.value ?? '')}
          className="min-w-64 flex-1"
        />
        <Input
          label={t('quote.quantity')}
          type="number"
          min={0.001}
          step="any"
          value={quantity}
          onChange={(e) => setQuantity(Number(e.target.value))}
          className="w-28"
        />
        <Button variant="secondary" onClick={add} disabled={!chosen || !(quantity > 0)}>
          {t('quoteEditor.addLine')}
        </Button>
      </fieldset>
      {chosen?.kind === 'kit' ? (
        <p className="text-xs text-ink-muted">
          {t('quoteEditor.kitContains', { items: componentsText(chosen, nameOf) })}
        </p>
      ) : null}
      <TableScroll label={t('quote.lines')}>
        <table className="w-full text-sm" aria-label={t('quote.lines')}>
          <thead className="text-left text-xs text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-2 py-1">
                {t('quote.description')}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t('quote.quantity')}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t('quote.price')}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t('quote.total')}
              </th>
              <th scope="col" className="px-2 py-1">
                <span className="sr-only">{t('quoteEditor.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-2 py-3 text-ink-muted">
                  {t('quoteEditor.empty')}
                </td>
              </tr>
            ) : null}
            {lines.map((l, i) => (
              <tr key={l.key} className="border-t border-line align-top">
                <td className="px-2 py-1">
                  {l.kind === 'kit' ? (
                    <span className="mr-1 rounded bg-brand-50 px-1 text-xs text-brand-800">{t('quoteEditor.kit')}</span>
                  ) : null}
                  {l.name}
                  {l.detail ? <span className="block text-xs text-ink-subtle">{l.detail}</span> : null}
                  {lineErrors.get(i)?.map((m) => (
                    <span key={m} role="alert" className="block text-xs text-danger-700">
                      {m}
                    </span>
                  ))}
                </td>
                <td className="px-2 py-1 text-right">
                  <Input
                    label={t('quote.quantity')}
                    hideLabel
                    type="number"
                    min={0.001}
                    step="any"
                    value={l.quantity}
                    className="ml-auto w-24"
                    onChange={(e) =>
                      setLines((cur) =>
                        cur.map((x) => (x.key === l.key ? { ...x, quantity: Number(e.target.value) } : x)),
                      )
                    }
                  />
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{formatCents(l.unitPriceCents)}</td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {formatCents(Math.round(l.quantity * l.unitPriceCents))}
                </td>
                <td className="px-2 py-1 text-right">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t('quoteEditor.removeLine', { name: l.name })}
                    onClick={() => setLines((cur) => cur.filter((x) => x.key !== l.key))}
                  >
                    ×
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="text-xs text-ink-muted">{t('quoteEditor.pricesNote')}</p>
      {problem ? (
        <Notice tone="error">
          {[problem.detail ?? problem.title, ...otherErrors.map((fe) => `${fe.field}: ${fe.message}`)].join(' · ')}
        </Notice>
      ) : null}
      {error && !problem ? <Notice tone="error">{t('common.loadFailed')}</Notice> : null}
      <Button
        type="submit"
        className="self-start"
        busy={saving}
        disabled={lines.length === 0 || !entityId || !canSubmit}
      >
        {submitLabel}
      </Button>
    </form>
  );
}
