import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../lib/i18n/i18n';
import { billingRuleText } from './billing-rule-text';

const reader = (locale: 'nl-NL' | 'en') => ({
  t: (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars),
  label: (prefix: string, raw: string) => {
    const key = `${prefix}.${raw}`;
    return isMessageKey(key) ? translate(locale, key) : raw;
  },
});

describe('a quote line says why its payer pays, in the reader language', () => {
  it('words each rule code in Dutch and in English, with the category by name', () => {
    const nl = reader('nl-NL');
    const en = reader('en');
    expect(billingRuleText('agreement:charging_station', nl.t, nl.label)).toBe(
      'Partnerovereenkomst: laadstation door partner',
    );
    expect(billingRuleText('agreement:charging_station', en.t, en.label)).toBe(
      'Partner agreement: charging station paid by the partner',
    );
    expect(billingRuleText('not_in_agreement:free', en.t, en.label)).toBe(
      'Not in the partner agreement (free line): customer pays',
    );
    expect(billingRuleText('manual:partner', nl.t, nl.label)).toBe('Handmatig: partner betaalt');
    expect(billingRuleText('beyond_standard', en.t, en.label)).toBe('Beyond the standard installation: customer pays');
    expect(billingRuleText('no_partner', en.t, en.label)).toBe('No partner: customer pays');
  });

  it('shows a rule it has no words for as stored, and a dash for none', () => {
    const nl = reader('nl-NL');
    expect(billingRuleText('Kabel boven 10 m: klant', nl.t, nl.label)).toBe('Kabel boven 10 m: klant');
    expect(billingRuleText(null, nl.t, nl.label)).toBe('—');
  });
});
