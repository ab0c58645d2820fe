import { useParams } from 'react-router';
import { LanguageSwitch } from '../../../design/language-switch';
import { SigningPage } from '../../../features/signing/components/signing-page';
import { addDutchMessages, useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { nlCustomerTexts } from '../../../lib/i18n/messages-nl-customer';

// The office portals' own texts, before any of their screens renders (the shell has only its own).
addDutchMessages(nlCustomerTexts);

/** `/sign/:token`: public, no session; the token in the link is the only key. */
export function Component() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  useDocumentTitle(t('signing.tabTitle'));
  return (
    <>
      <div className="mx-auto flex max-w-3xl justify-end px-4 pt-4">
        <LanguageSwitch />
      </div>
      <SigningPage token={token} />
    </>
  );
}
