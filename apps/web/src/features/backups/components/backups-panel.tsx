import { TableScroll } from '../../../design/table-scroll';
import { Button } from '../../../design/button';
import { Card } from '../../../design/card';
import { ErrorNotice } from '../../../design/error-notice';
import { Notice, Spinner } from '../../../design/status-message';
import { useToast } from '../../../design/toast';
import { isProblem } from '../../../lib/http/http-client';
import { useI18n } from '../../../lib/i18n/i18n';
import { useBackups, useCreateBackup } from '../api/backups';

const fileName = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

/** Backups of the embedded database: the scheduled generations, and one now on request. */
export function BackupsPanel() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const toast = useToast();
  const backups = useBackups();
  const create = useCreateBackup();
  const notApplicable = isProblem(backups.error) && backups.error.status === 409;

  const onCreate = () =>
    create.mutate(undefined, {
      onSuccess: (b) => toast({ title: t('backups.created'), description: fileName(b.file), variant: 'success' }),
      onError: (error) =>
        toast({
          title: t('backups.failed'),
          description: isProblem(error) ? (error.detail ?? error.title) : undefined,
          variant: 'error',
        }),
    });

  return (
    <Card
      title={t('backups.title')}
      actions={
        notApplicable ? null : (
          <Button onClick={onCreate} busy={create.isPending}>
            {t('backups.createNow')}
          </Button>
        )
      }
    >
      <p className="mb-4 text-sm text-ink-muted">{t('backups.intro')}</p>
      {backups.isPending ? <Spinner label={t('common.loading')} /> : null}
      {notApplicable ? (
        <Notice>{t('backups.postgres')}</Notice>
      ) : backups.isError ? (
        <ErrorNotice error={backups.error} />
      ) : null}
      {backups.data && backups.data.length === 0 ? <p className="text-sm text-ink-muted">{t('backups.none')}</p> : null}
      {backups.data && backups.data.length > 0 ? (
        <TableScroll label={t('backups.title')}>
          <table className="w-full text-sm">
            <caption className="sr-only">{t('backups.title')}</caption>
            <thead>
              <tr className="text-left text-xs uppercase text-ink-muted">
                <th className="py-2">{t('backups.file')}</th>
                <th className="py-2">{t('backups.createdAt')}</th>
                <th className="py-2 text-right">{t('backups.size')}</th>
              </tr>
            </thead>
            <tbody>
              {backups.data.map((b) => (
                <tr key={b.file} className="border-t border-line">
                  <td className="py-2 font-mono text-xs">{fileName(b.file)}</td>
                  <td className="py-2">{formatDateTime(b.createdAt)}</td>
                  <td className="py-2 text-right">{formatNumber(Math.round(b.bytes / 100_000) / 10)} MB</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <p className="mt-4 text-xs text-ink-subtle">{t('backups.restoreHint')}</p>
    </Card>
  );
}
