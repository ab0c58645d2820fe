import { useState } from 'react';
import { ErrorNotice } from '../../../design/error-notice';
import { PageHeader } from '../../../design/page-header';
import { Select } from '../../../design/select';
import { Spinner } from '../../../design/status-message';
import { useTemplateCatalog, type TemplateKey } from '../../../features/communication/api/message-templates';
import { MessageTemplateEditor } from '../../../features/communication/components/message-template-editor';
import { MessageTemplateList } from '../../../features/communication/components/message-template-list';
import { useI18n } from '../../../lib/i18n/i18n';

/** `/ops/communication/templates`: the texts of every message per entity and language, edited with a live preview. */
export function MessageTemplatesPage() {
  const { t } = useI18n();
  const catalog = useTemplateCatalog();
  const [entityId, setEntityId] = useState<string | null>(null);
  const [language, setLanguage] = useState<'nl' | 'en'>('nl');
  const [selected, setSelected] = useState<TemplateKey | null>(null);
  const entity = entityId ?? catalog.data?.entities[0]?.id ?? '';
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <PageHeader title={t('templates.title')} subtitle={t('templates.intro')} />
      {catalog.isError ? <ErrorNotice error={catalog.error} /> : null}
      {catalog.isPending ? <Spinner label={t('common.loading')} /> : null}
      {catalog.data ? (
        <>
          <div className="flex flex-wrap gap-4">
            <Select
              label={t('templates.entity')}
              value={entity}
              onValueChange={(v) => {
                setEntityId(v);
                setSelected(null);
              }}
              options={catalog.data.entities.map((e) => ({ value: e.id, label: e.name }))}
            />
            <Select
              label={t('communication.language')}
              value={language}
              onValueChange={(v) => {
                setLanguage(v as 'nl' | 'en');
                setSelected(null);
              }}
              options={[
                { value: 'nl', label: t('templates.dutch') },
                { value: 'en', label: t('templates.english') },
              ]}
            />
          </div>
          {selected ? <MessageTemplateEditor templateKey={selected} catalog={catalog.data} /> : null}
          <MessageTemplateList
            catalog={catalog.data}
            entityId={entity}
            language={language}
            selected={selected}
            onEdit={setSelected}
          />
        </>
      ) : null}
    </div>
  );
}
