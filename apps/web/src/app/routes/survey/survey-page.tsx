import { useParams } from 'react-router';
import { LanguageSwitch } from '../../../design/language-switch';
import { PageHeader } from '../../../design/page-header';
import { SurveyForm } from '../../../features/satisfaction/components/survey-form';
import { addDutchMessages, useI18n } from '../../../lib/i18n/i18n';
import { nlPortalExtras } from '../../../lib/i18n/messages-nl-portal-extras';

// The office portals' own texts, before any of their screens renders (the shell has only its own).
addDutchMessages(nlPortalExtras);

/** `/survey/:token`: public; the link in the satisfaction survey mail opens it. */
export function Component() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  return (
    <main className="mx-auto max-w-2xl p-4">
      <PageHeader title={t('survey.title')} actions={<LanguageSwitch />} />
      <SurveyForm token={token} />
    </main>
  );
}
