import { Card } from '../../../design/card';
import { Notice, Spinner } from '../../../design/status-message';
import { useI18n } from '../../../lib/i18n/i18n';
import { useOpenApi } from '../api/openapi';

const PARTNER_TAG = 'Partner API v1';

/** The Partner API documentation, rendered from the server's OpenAPI document. */
export function ApiDocs() {
  const { t } = useI18n();
  const spec = useOpenApi();
  if (spec.isPending) return <Spinner label={t('common.loading')} />;
  if (spec.isError) return <Notice tone="error">{t('common.loadFailed')}</Notice>;
  const operations = Object.entries(spec.data.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => op.tags?.includes(PARTNER_TAG))
      .map(([method, op]) => ({ path, method, op })),
  );
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-ink-muted">
        {t('apiDocs.intro')}{' '}
        <a className="text-brand-700 underline" href="/api/docs" target="_blank" rel="noreferrer">
          {t('apiDocs.full')}
        </a>
      </p>
      {operations.map(({ path, method, op }) => (
        <Card key={`${method} ${path}`} title={`${method.toUpperCase()} ${path}`}>
          <p className="text-sm font-medium">{op.summary}</p>
          {op.description ? <p className="text-sm text-ink-muted">{op.description}</p> : null}
          {op.requestBody?.content?.['application/json']?.schema ? (
            <details className="mt-2 text-xs">
              <summary>{t('apiDocs.body')}</summary>
              <pre className="overflow-auto rounded bg-surface p-2">
                {JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}
              </pre>
            </details>
          ) : null}
          <p className="mt-2 text-xs text-ink-subtle">
            {t('apiDocs.responses')}: {Object.keys(op.responses ?? {}).join(', ')}
          </p>
        </Card>
      ))}
    </div>
  );
}
