import { BilingualError } from '../../errors.ts';
import { variablesOf, type MessageType } from './message-registry.ts';
import { BRAND_VARIABLES, type TemplateChannel, type TemplateText } from './template-definition.ts';
import { isVariableName, placeholdersIn } from './template-text.ts';

const quoted = (names: string[]) => names.map((n) => `{{${n}}}`).join(', ');

/**
 * Refuses a template that uses a variable its message type does not have (a typo would reach customers as
 * an empty gap) or leaves out a required one (a signing mail without its link). The error names them.
 */
export function validateTemplate(type: MessageType, channel: TemplateChannel, text: TemplateText) {
  const known = { ...BRAND_VARIABLES, ...variablesOf(type) };
  if (channel === 'email' && !text.subject.trim())
    throw new BilingualError(422, 'template_subject_missing', {
      nl: 'Een e-mail heeft een onderwerp nodig.',
      en: 'An e-mail needs a subject.',
    });
  const used = placeholdersIn(`${text.subject}\n${text.body}`);
  const unknown = used.filter((n) => !isVariableName(n) || !Object.hasOwn(known, n));
  if (unknown.length)
    throw new BilingualError(422, 'template_unknown_variable', {
      nl: `Onbekende variabele${unknown.length > 1 ? 'n' : ''}: ${quoted(unknown)}. Dit sjabloon kent: ${quoted(Object.keys(known))}.`,
      en: `Unknown variable${unknown.length > 1 ? 's' : ''}: ${quoted(unknown)}. This template knows: ${quoted(Object.keys(known))}.`,
    });
  const missing = Object.entries(variablesOf(type))
    .filter(([n, v]) => (v.required === true || (v.required === 'email' && channel === 'email')) && !used.includes(n))
    .map(([n]) => n);
  if (missing.length)
    throw new BilingualError(422, 'template_required_variable_missing', {
      nl: `Verplichte variabele${missing.length > 1 ? 'n ontbreken' : ' ontbreekt'}: ${quoted(missing)}.`,
      en: `Required variable${missing.length > 1 ? 's are' : ' is'} missing: ${quoted(missing)}.`,
    });
}
