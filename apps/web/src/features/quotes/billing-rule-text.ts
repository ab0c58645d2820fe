import type { MessageKey } from '../../lib/i18n/messages-nl';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Label = (prefix: string, value: string) => string;

/**
 * Why a line is billed to whom, in the reader's language. The server stores the rule as a code
 * (`agreement:charging_station`, see apps/server/src/modules/quotes/allocate-billing.ts); a rule it
 * does not know (an older line's free text) is shown as stored.
 */
export function billingRuleText(rule: string | null, t: Translate, label: Label): string {
  if (!rule) return '—';
  const [kind, argument = ''] = rule.split(':');
  switch (kind) {
    case 'manual':
      return argument === 'partner' || argument === 'customer' ? t(`billingRule.manual.${argument}`) : rule;
    case 'no_partner':
      return t('billingRule.no_partner');
    case 'beyond_standard':
      return t('billingRule.beyond_standard');
    case 'agreement':
    case 'not_in_agreement':
      return t(`billingRule.${kind}`, { category: label('productCategory', argument) });
    default:
      return rule;
  }
}
