import { useEffect, useState, type FormEvent } from 'react';
import type { MessageTemplate, MessageTemplateCatalog } from '@chargecars/contract';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Input, Textarea } from '../../../design/input';
import { Notice } from '../../../design/status-message';
import { useDebouncedValue } from '../../../design/use-debounced-value';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import {
  useMessageTemplate,
  useResetMessageTemplate,
  useSaveMessageTemplate,
  useTemplatePreview,
  type TemplateKey,
} from '../api/message-templates';

type Props = { templateKey: TemplateKey; catalog: MessageTemplateCatalog };
type Done = 'saved' | 'reset' | null;

/** One template: its text, the variables it may use, and the server's rendering of it on sample data. */
export function MessageTemplateEditor({ templateKey, catalog }: Props) {
  const template = useMessageTemplate(templateKey);
  // Kept above the form: a save gives a new version, hence a new form, and the notice must survive it.
  const [done, setDone] = useState<Done>(null);
  const keyText = `${templateKey.type}-${templateKey.entityId}-${templateKey.language}-${templateKey.channel}`;
  const save = useSaveMessageTemplate(templateKey);
  const reset = useResetMessageTemplate(templateKey);
  const { reset: forgetSave } = save;
  const { reset: forgetReset } = reset;
  useEffect(() => {
    setDone(null);
    forgetSave();
    forgetReset();
  }, [keyText, forgetSave, forgetReset]);
  if (template.isError) return <ErrorNotice error={template.error} />;
  if (!template.data) return null;
  // A fresh form per template and per saved version: what is typed belongs to the version it started from.
  return (
    <TemplateForm
      key={`${keyText}-${template.data.version}`}
      templateKey={templateKey}
      template={template.data}
      catalog={catalog}
      done={done}
      onDone={setDone}
      save={save}
      reset={reset}
    />
  );
}

function TemplateForm({
  templateKey,
  template,
  catalog,
  done,
  onDone,
  save,
  reset,
}: Props & {
  template: MessageTemplate;
  done: Done;
  onDone: (done: Done) => void;
  save: ReturnType<typeof useSaveMessageTemplate>;
  reset: ReturnType<typeof useResetMessageTemplate>;
}) {
  const { t, label, locale } = useI18n();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const typed = useDebouncedValue({ ...templateKey, subject, body }, 300);
  const preview = useTemplatePreview(typed);
  const info = catalog.types.find((x) => x.type === templateKey.type);
  const isEmail = templateKey.channel === 'email';
  const failure = save.error ?? reset.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ subject, body, version: template.version }, { onSuccess: () => onDone('saved') });
  };
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4 xl:grid-cols-2">
      <Card
        title={`${info?.label[locale === 'en' ? 'en' : 'nl'] ?? templateKey.type} · ${label('messageChannel', templateKey.channel)}`}
      >
        <form className="flex flex-col gap-3" onSubmit={submit}>
          <p className="text-sm text-ink-muted">
            {template.isDefault
              ? t('templates.usingDefault')
              : t('templates.own', { version: template.version, by: template.savedBy ?? '' })}
          </p>
          {isEmail ? (
            <Input
              label={t('communication.subject')}
              value={subject}
              onChange={(e) => {
                setSubject(e.target.value);
                onDone(null);
              }}
            />
          ) : null}
          <Textarea
            label={t('templates.body')}
            rows={isEmail ? 14 : 5}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              onDone(null);
            }}
            className="font-mono"
          />
          {isEmail ? <p className="text-xs text-ink-muted">{t('templates.bodyHelp')}</p> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={save.isPending}>
              {t('templates.save')}
            </Button>
            <Button
              type="button"
              variant="secondary"
              disabled={template.isDefault}
              busy={reset.isPending}
              onClick={() => reset.mutate(template.version, { onSuccess: () => onDone('reset') })}
            >
              {t('templates.reset')}
            </Button>
          </div>
          {failure ? (
            isProblem(failure) && failure.status !== 403 ? (
              <Notice tone="error">{failure.detail ?? failure.title}</Notice>
            ) : (
              <ErrorNotice error={failure} />
            )
          ) : null}
          {done ? (
            <p role="status" className="text-sm text-ink-muted">
              {done === 'saved' ? t('templates.saved') : t('templates.wasReset')}
            </p>
          ) : null}
        </form>
        <h3 className="mt-4 mb-2 text-sm font-medium">{t('templates.variables')}</h3>
        <ul className="flex flex-col gap-1 text-sm">
          {[
            { name: 'brandName', required: false as const, sample: { nl: '', en: '' } },
            ...(info?.variables ?? []),
          ].map((v) => (
            <li key={v.name} className="break-words">
              <code className="rounded bg-surface px-1">{`{{${v.name}}}`}</code>{' '}
              <span className="text-ink-muted">
                {v.required === true || (v.required === 'email' && isEmail)
                  ? t('templates.required')
                  : t('templates.optional')}
                {v.sample[templateKey.language]
                  ? ` · ${t('templates.example')}: ${v.sample[templateKey.language]}`
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('templates.preview')}>
        {preview.data?.problem ? <Notice tone="error">{preview.data.problem}</Notice> : null}
        {preview.isError ? <ErrorNotice error={preview.error} /> : null}
        {preview.data ? (
          <div className="mt-2 flex flex-col gap-3">
            <p className="text-sm break-words">
              <span className="font-medium">{t('communication.subject')}:</span> {preview.data.subject}
            </p>
            {preview.data.bodyHtml ? (
              <iframe
                title={t('templates.previewFrame')}
                sandbox=""
                srcDoc={preview.data.bodyHtml}
                className="h-[32rem] w-full rounded-md border border-line bg-white"
              />
            ) : null}
            <details open={!preview.data.bodyHtml}>
              <summary className="cursor-pointer text-sm font-medium">{t('templates.plainText')}</summary>
              <pre className="mt-2 text-sm break-words whitespace-pre-wrap">{preview.data.bodyText}</pre>
            </details>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
