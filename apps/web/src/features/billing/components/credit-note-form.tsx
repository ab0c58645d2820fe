import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { useToast } from '../../../design/toast';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import type { InvoiceDetail } from '../api/get-invoice';
import { useIssueCreditNote } from '../api/invoice-actions';

/**
 * A credit note for the whole invoice (all that can still be credited) or chosen lines, each for a
 * quantity up to what is left of it; a reason is required. The server checks the same limits.
 */
export function CreditNoteForm({
  invoice,
  invoiceHref,
}: {
  invoice: InvoiceDetail;
  invoiceHref: (id: string) => string;
}) {
  const { t, localized, formatCents, formatNumber } = useI18n();
  const toast = useToast();
  const issue = useIssueCreditNote(invoice.id);
  const [whole, setWhole] = useState(true);
  const [reason, setReason] = useState('');
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | undefined>();
  const [made, setMade] = useState<{ id: string; number: string } | undefined>();
  const open = invoice.lines.filter((l) => l.creditableQuantity > 0);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (reason.trim().length < 3) return setError(t('creditNote.reasonRequired'));
    const lines = whole
      ? undefined
      : open
          .map((l) => ({ position: l.position, quantity: Number((quantities[l.position] ?? '').replace(',', '.')) }))
          .filter((l) => Number.isFinite(l.quantity) && l.quantity > 0);
    if (lines && !lines.length) return setError(t('creditNote.pickLines'));
    issue.mutate(
      { reason: reason.trim(), ...(lines ? { lines } : {}) },
      {
        onSuccess: (note) => {
          setMade(note);
          setReason('');
          setQuantities({});
          toast({ title: t('creditNote.issued', { number: note.number }), variant: 'success' });
        },
        onError: (e) => setError(isProblem(e) ? (e.detail ?? e.title) : t('creditNote.failed')),
      },
    );
  };

  return (
    <Card title={t('creditNote.title')}>
      <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t('creditNote.title')}>
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="sr-only">{t('creditNote.scope')}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="credit-scope" checked={whole} onChange={() => setWhole(true)} />
            {t('creditNote.whole')}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="credit-scope" checked={!whole} onChange={() => setWhole(false)} />
            {t('creditNote.perLine')}
          </label>
        </fieldset>
        {whole ? null : (
          <ul className="flex flex-col gap-2 text-sm">
            {open.map((l) => (
              <li key={l.position} className="flex flex-wrap items-end gap-3">
                <Input
                  label={t('creditNote.lineQuantity', {
                    position: l.position,
                    description: localized(l.description, l.descriptionEn),
                  })}
                  hint={t('creditNote.lineLeft', {
                    quantity: formatNumber(l.creditableQuantity),
                    price: formatCents(l.unitPriceCents),
                  })}
                  inputMode="decimal"
                  value={quantities[l.position] ?? ''}
                  onChange={(e) => setQuantities({ ...quantities, [l.position]: e.target.value })}
                  className="w-full max-w-md"
                />
              </li>
            ))}
          </ul>
        )}
        <Input label={t('creditNote.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <div>
          <Button type="submit" variant="danger" busy={issue.isPending}>
            {t('creditNote.submit')}
          </Button>
        </div>
      </form>
      {error ? (
        <div className="mt-3">
          <Notice tone="error">{error}</Notice>
        </div>
      ) : null}
      {made ? (
        <p className="mt-3 text-sm">
          {t('creditNote.made')}{' '}
          <Link to={invoiceHref(made.id)} className="font-mono text-brand-700 hover:underline">
            {made.number}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
