/** The two languages of the web app: Dutch by default, English when the user chose it. */
export type Locale = 'nl-NL' | 'en';

/** The locale Intl writes a language's dates and numbers in: British English, day before month, as the server's texts. */
export const intlLocale = (locale: Locale): string => (locale === 'en' ? 'en-GB' : 'nl-NL');

/** One formatter per locale, made when first asked for: constructing Intl formatters is slow and tables format hundreds of cells. */
export function perLocale<T>(make: (intl: string) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = make(intlLocale(locale))));
    return formatter;
  };
}
