import { useI18n } from '../lib/i18n/i18n';

/**
 * One button that flips nl <-> en. It shows the name of the language it switches to, in that language,
 * and that text is its whole name: a speech-input user says what they see (WCAG 2.5.3).
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'en' ? 'nl-NL' : 'en';
  return (
    <button
      type="button"
      className={
        className ?? 'rounded-md border border-line px-2 py-1 text-xs font-semibold text-ink-muted hover:bg-surface'
      }
      title={t('nav.switchLanguage')}
      lang={next === 'en' ? 'en' : 'nl'}
      onClick={() => setLocale(next)}
    >
      {next === 'en' ? 'English' : 'Nederlands'}
    </button>
  );
}
