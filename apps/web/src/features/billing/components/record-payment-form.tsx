import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input } from '../../../design/input';
import { Select } from '../../../design/select';
import { Notice } from '../../../design/status-message';
import { useToast } from '../../../design/toast';
import { amsterdamDay } from '../../../lib/format/date';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useRecordPayment, type PaymentInput } from '../api/invoice-actions';

const METHODS = ['bank_transfer', 'ideal', 'direct_debit'] as const;

/** "1.234,56", "1234.56" or "12" euros as cents; null when it is no amount. */
export function parseEuros(text: string): number | null {
  const clean = text.replace(/[€\s]/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(clean)) return null;
  const normal =
    /,\d{1,2}$/.test(clean) || /^\d{1,3}(\.\d{3})+$/.test(clean) ? clean.replace(/\./g, '').replace(',', '.') : clean;
  return Math.round(Number(normal) * 100);
}

const centsAsInput = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** Books a payment received on the invoice; the server refuses more than is open and says why. */
export function RecordPaymentForm({ invoiceId, openCents }: { invoiceId: string; openCents: number }) {
  const { t, label, formatCents } = useI18n();
  const toast = useToast();
  const record = useRecordPayment(invoiceId);
  const [amount, setAmount] = useState(centsAsInput(openCents));
  const [paidOn, setPaidOn] = useState(amsterdamDay());
  const [method, setMethod] = useState<PaymentInput['method']>('bank_transfer');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const cents = parseEuros(amount);
    if (cents === null || cents <= 0) return setError(t('payment.invalidAmount'));
    setError(undefined);
    setRefusal(undefined);
    // Noon in Amsterdam of the chosen day: the day stays the day whatever the zone.
    const paidAt = new Date(`${paidOn}T12:00:00+01:00`).toISOString();
    record.mutate(
      { amountCents: cents, paidAt, method, ...(reference.trim() ? { reference: reference.trim() } : {}) },
      {
        onSuccess: (result) => {
          toast({
            title: t('payment.recorded', { status: label('invoiceStatus', result.status) }),
            variant: 'success',
          });
          setAmount(centsAsInput(result.openCents));
          setReference('');
        },
        onError: (e) => setRefusal(isProblem(e) ? (e.detail ?? e.title) : t('payment.failed')),
      },
    );
  };

  return (
    <Card title={t('payment.title')}>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label={t('payment.title')}>
        <Input
          label={t('payment.amount')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={error}
          hint={t('payment.openHint', { open: formatCents(openCents) })}
        />
        <Input
          label={t('payment.date')}
          type="date"
          value={paidOn}
          onChange={(e) => e.target.value && setPaidOn(e.target.value)}
        />
        <Select
          label={t('payment.method')}
          value={method}
          onValueChange={(v) => setMethod(v as PaymentInput['method'])}
          options={METHODS.map((m) => ({ value: m, label: label('paymentMethod', m) }))}
        />
        <Input label={t('payment.reference')} value={reference} onChange={(e) => setReference(e.target.value)} />
        <Button type="submit" busy={record.isPending}>
          {t('payment.submit')}
        </Button>
      </form>
      {refusal ? (
        <div className="mt-3">
          <Notice tone="error">{refusal}</Notice>
        </div>
      ) : null}
    </Card>
  );
}
