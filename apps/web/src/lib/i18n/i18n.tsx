import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formattersFor, type Formatters } from '../format/formatters';
import type { Locale } from '../format/locale';
import type { MessageKey } from './messages-nl';
import { nlShell } from './messages-nl-shell';

export type { Locale, MessageKey };

export const LOCALE_STORAGE_KEY = 'cc.locale';

// English is a chunk of its own, loaded when chosen: most users read Dutch, and on a slow phone link
// the other language's texts would cost a second before the first screen (issue 16).
let english: Record<MessageKey, string> | null = null;
let englishLoading: Promise<void> | null = null;

/** Loads the English texts once; `translate` answers in Dutch until they are there. */
export function loadEnglish(): Promise<void> {
  englishLoading ??= import('./messages-en').then((module) => {
    english = module.en;
  });
  return englishLoading;
}

/** Before the first render: the English texts when the user chose English, so nothing shows in Dutch first. */
export function loadChosenLanguage(): Promise<void> {
  return readStoredLocale() === 'en' ? loadEnglish() : Promise.resolve();
}

// The Dutch texts loaded so far: the shell's, and the office portals' once one of those has loaded.
const dutch: Partial<Record<MessageKey, string>> = { ...nlShell };

/**
 * Adds the Dutch texts a portal brings (messages-nl-portal-extras.ts); its module calls this when it
 * loads, before any of its screens renders.
 */
export function addDutchMessages(messages: Partial<Record<MessageKey, string>>): void {
  Object.assign(dutch, messages);
}

/** `{name}` placeholders are filled from `vars`; a missing variable stays visible so it gets noticed. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = (locale === 'en' && english ? english[key] : undefined) ?? dutch[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** True when `key` exists: server enums (stages, statuses) are translated only when we know them. */
export function isMessageKey(key: string): key is MessageKey {
  return key in dutch || (english !== null && key in english);
}

function readStoredLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'nl-NL';
  } catch {
    // Private mode or blocked storage: Dutch is the default anyway.
    return 'nl-NL';
  }
}

/** The language, its texts, and its formatters of amounts, numbers, dates and times (`formatCents`, `formatDate`, ...). */
type I18nValue = Formatters & {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Translates `${prefix}.${value}` when known, else shows the server's value as it is. */
  label: (prefix: string, value: string) => string;
  /**
   * A name the data holds in both languages (a product, a quote line, a checklist step): the English one
   * for an English reader when there is one, else the Dutch.
   */
  localized: (nl: string, en: string | null | undefined) => string;
};

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());
  const [englishReady, setEnglishReady] = useState(english !== null);

  useEffect(() => {
    if (locale === 'en' && !englishReady) void loadEnglish().then(() => setEnglishReady(true));
  }, [locale, englishReady]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not persisted; the switch still works for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'nl';
  }, [locale]);

  const value = useMemo<I18nValue>(() => {
    const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
    const label = (prefix: string, raw: string) => {
      const key = `${prefix}.${raw}`;
      return isMessageKey(key) ? t(key) : raw;
    };
    const localized = (nl: string, en: string | null | undefined) => (locale === 'en' && en ? en : nl);
    return { locale, setLocale, t, label, localized, ...formattersFor(locale) };
    // englishReady: the texts change when the English chunk arrives.
  }, [locale, setLocale, englishReady]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs <I18nProvider> above it');
  return value;
}
