import { useState } from 'react';
import { Input } from '../../../design/input';
import { useI18n } from '../../../lib/i18n/i18n';
import type { QuoteDetail } from '../api/get-quote';
import { useReviseQuote } from '../api/save-quote-lines';
import { QuoteLinesForm, type EditorLine } from './quote-lines-form';

/** The quote's lines as the editor starts from them; a free line keeps its price, VAT and payer. */
function editorLines(quote: QuoteDetail, localized: (nl: string, en: string | null) => string): EditorLine[] {
  return quote.lines.map((l) => {
    const kind = l.kitId ? 'kit' : l.productId ? 'product' : 'free';
    return {
      key: kind === 'free' ? `free:${l.position}` : `${kind}:${l.kitId ?? l.productId}`,
      kind,
      id: l.kitId ?? l.productId,
      // A free line is sent back as its description, so it keeps it; the catalogue's lines are sent by id.
      name: kind === 'free' ? l.description : localized(l.description, l.descriptionEn),
      detail: kind === 'kit' ? localized(l.specification ?? '', l.specificationEn) || null : null,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      ...(kind === 'free' ? { free: { vatRate: l.vatRate, vatCategory: l.vatCategory, billTo: l.billTo } } : {}),
    };
  });
}

/** Change the lines of a quote: a draft in place, a sent quote as a new version with new signing links. */
export function ReviseQuoteLines({ quote, onDone }: { quote: QuoteDetail; onDone: () => void }) {
  const { t, localized } = useI18n();
  const revise = useReviseQuote(quote.id);
  const [note, setNote] = useState('');
  return (
    <QuoteLinesForm
      entityId={quote.entityId}
      initial={editorLines(quote, localized)}
      saving={revise.isPending}
      error={revise.error}
      submitLabel={t('quoteEditor.save')}
      onSave={(lines) =>
        revise.mutate(
          { lockVersion: quote.lockVersion, lines, ...(note.trim() ? { changeNote: note.trim() } : {}) },
          { onSuccess: onDone },
        )
      }
    >
      {quote.status !== 'draft' ? <p className="text-sm text-ink-muted">{t('quoteEditor.newVersion')}</p> : null}
      <Input
        label={t('quoteEditor.changeNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
      />
    </QuoteLinesForm>
  );
}
