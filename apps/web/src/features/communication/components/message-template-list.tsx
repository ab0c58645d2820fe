import type { MessageTemplateCatalog } from '@chargecars/contract';
import { Button } from '../../../design/button';
import { TableScroll } from '../../../design/table-scroll';
import { useI18n } from '../../../lib/i18n/i18n';
import type { TemplateKey } from '../api/message-templates';

type Props = {
  catalog: MessageTemplateCatalog;
  entityId: string;
  language: 'nl' | 'en';
  selected: TemplateKey | null;
  onEdit: (key: TemplateKey) => void;
};

/** The templates of one entity in one language: each message type on each of its channels, default or ops' own. */
export function MessageTemplateList({ catalog, entityId, language, selected, onEdit }: Props) {
  const { t, label, locale } = useI18n();
  const rows = catalog.templates.filter((x) => x.entityId === entityId && x.language === language);
  const typeOf = new Map(catalog.types.map((x) => [x.type, x]));
  return (
    <TableScroll label={t('templates.list')}>
      <table className="w-full text-sm">
        <caption className="sr-only">{t('templates.list')}</caption>
        <thead>
          <tr className="border-b border-line text-left text-ink-muted">
            <th className="py-2 pr-3 font-medium">{t('communication.type')}</th>
            <th className="py-2 pr-3 font-medium">{t('communication.channel')}</th>
            <th className="py-2 pr-3 font-medium">{t('templates.state')}</th>
            <th className="py-2 font-medium">
              <span className="sr-only">{t('templates.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isSelected =
              selected?.type === row.type && selected.channel === row.channel && selected.entityId === row.entityId;
            const name = typeOf.get(row.type)?.label[locale === 'en' ? 'en' : 'nl'] ?? row.type;
            return (
              <tr key={`${row.type}-${row.channel}`} className="border-b border-line last:border-0">
                <td className="py-2 pr-3">{name}</td>
                <td className="py-2 pr-3">{label('messageChannel', row.channel)}</td>
                <td className="py-2 pr-3">
                  {row.isDefault
                    ? t('templates.default')
                    : t('templates.own', { version: row.version, by: row.savedBy ?? '' })}
                </td>
                <td className="py-2 text-right">
                  <Button
                    size="sm"
                    variant={isSelected ? 'primary' : 'secondary'}
                    aria-label={`${t('templates.edit')}: ${name}, ${label('messageChannel', row.channel)}`}
                    onClick={() => onEdit({ type: row.type, entityId, language, channel: row.channel })}
                  >
                    {t('templates.edit')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
