import { useParams } from 'react-router';
import { LanguageSwitch } from '../../../design/language-switch';
import { PageHeader } from '../../../design/page-header';
import { IntakeForm } from '../../../features/intake/components/intake-form';
import { addDutchMessages, useI18n } from '../../../lib/i18n/i18n';
import { nlCustomerTexts } from '../../../lib/i18n/messages-nl-customer';

// The office portals' own texts, before any of their screens renders (the shell has only its own).
addDutchMessages(nlCustomerTexts);

/** `/intake/:token`: public; the link in the lead's email opens it. */
export function Component() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  return (
    <main className="mx-auto max-w-2xl p-4">
      <PageHeader title={t('intake.title')} actions={<LanguageSwitch />} />
      <IntakeForm token={token} />
    </main>
  );
}
