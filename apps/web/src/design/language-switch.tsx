import { useI18n } from '../lib/i18n/i18n';

/** One button that flips nl <-> en; its label says what it will do, in the language it switches to. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'en' ? 'nl-NL' : 'en';
  return (
    <button
      type="button"
      className={
        className ?? 'rounded-md border border-line px-2 py-1 text-xs font-semibold text-ink-muted hover:bg-surface'
      }
      aria-label={t('nav.switchLanguage')}
      lang={next === 'en' ? 'en' : 'nl'}
      onClick={() => setLocale(next)}
    >
      {next === 'en' ? 'EN' : 'NL'}
    </button>
  );
}
