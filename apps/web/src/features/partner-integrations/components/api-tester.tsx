import { useState } from 'react';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { Input, Textarea } from '../../../design/input';
import { useI18n } from '../../../lib/i18n/i18n';

const EXAMPLE = JSON.stringify(
  {
    email: 'klant@example.nl',
    name: 'Test Klant',
    phone: '0612345678',
    address: { postcode: '3861 AB', houseNumber: 1 },
    productInterest: 'Thuislader',
    partnerReference: 'TEST-1',
  },
  null,
  2,
);

/**
 * Sends a real request with the partner's own key from the browser. The key is typed in and kept in
 * this component only; the request carries no cookie credentials, exactly as a partner system calls.
 */
export function ApiTester() {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [method, setMethod] = useState<'GET' | 'POST'>('POST');
  const [path, setPath] = useState('/api/v1/leads');
  const [body, setBody] = useState(EXAMPLE);
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const [result, setResult] = useState<{ status: number; headers: string; body: string; ms: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    const started = performance.now();
    try {
      const res = await fetch(path, {
        method,
        credentials: 'omit',
        headers: {
          authorization: `Bearer ${key.trim()}`,
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        ...(method === 'POST' ? { body } : {}),
      });
      const text = await res.text();
      const pretty = (() => {
        try {
          return JSON.stringify(JSON.parse(text), null, 2);
        } catch {
          return text;
        }
      })();
      const headers = ['content-type', 'location', 'idempotent-replayed', 'retry-after', 'x-request-id']
        .map((h) => (res.headers.get(h) ? `${h}: ${res.headers.get(h)}` : null))
        .filter(Boolean)
        .join('\n');
      setResult({ status: res.status, headers, body: pretty, ms: Math.round(performance.now() - started) });
    } catch (err) {
      setResult({ status: 0, headers: '', body: String(err), ms: Math.round(performance.now() - started) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <Card title={t('apiTester.request')}>
        <div className="flex flex-col gap-2">
          <Input
            label={t('apiTester.key')}
            type="password"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="ccak_…"
          />
          <label className="flex flex-col gap-1 text-sm">
            {t('apiTester.method')}
            <select
              className="h-10 rounded-md border border-line bg-panel px-2"
              value={method}
              onChange={(e) => setMethod(e.target.value as 'GET' | 'POST')}
            >
              <option>GET</option>
              <option>POST</option>
            </select>
          </label>
          <Input label={t('apiTester.path')} value={path} onChange={(e) => setPath(e.target.value)} />
          <Input label="Idempotency-Key" value={idempotencyKey} onChange={(e) => setIdempotencyKey(e.target.value)} />
          {method === 'POST' ? (
            <Textarea label={t('apiTester.body')} rows={12} value={body} onChange={(e) => setBody(e.target.value)} />
          ) : null}
          <Button busy={busy} disabled={!key.trim() || !path.startsWith('/api/')} onClick={() => void send()}>
            {t('apiTester.send')}
          </Button>
        </div>
      </Card>
      <Card title={t('apiTester.response')}>
        {result ? (
          <div className="text-xs" aria-live="polite">
            <p className="text-sm font-medium">
              HTTP {result.status} · {result.ms} ms
            </p>
            <pre className="mt-1 whitespace-pre-wrap text-ink-muted">{result.headers}</pre>
            <pre className="mt-2 overflow-auto rounded bg-surface p-2">{result.body}</pre>
          </div>
        ) : (
          <p className="text-sm text-ink-muted">{t('apiTester.nothingYet')}</p>
        )}
      </Card>
    </div>
  );
}
