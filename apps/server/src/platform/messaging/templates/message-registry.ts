import { BUSINESS_TEMPLATES } from './business-templates.ts';
import { CUSTOMER_JOURNEY_TEMPLATES } from './customer-journey-templates.ts';
import type { MessageTemplateDefinition, TemplateVariable } from './template-definition.ts';
import { VISIT_TEMPLATES } from './visit-templates.ts';
import { PARTNER_TEMPLATES } from './partner-templates.ts';

/**
 * Every kind of message the platform sends, with its variables and its default text per channel and
 * language. A new message is one entry here (in the file of its part of the business); ops may override
 * the text per entity, language and channel (`message_templates`).
 */
export const MESSAGE_TEMPLATES = {
  ...CUSTOMER_JOURNEY_TEMPLATES,
  ...VISIT_TEMPLATES,
  ...BUSINESS_TEMPLATES,
  ...PARTNER_TEMPLATES,
} satisfies Record<string, MessageTemplateDefinition>;

export type MessageType = keyof typeof MESSAGE_TEMPLATES;
export const MESSAGE_TYPES = Object.keys(MESSAGE_TEMPLATES) as MessageType[];
export const isMessageType = (type: string): type is MessageType => Object.hasOwn(MESSAGE_TEMPLATES, type);

/** The values a producer passes: every required variable, the optional ones if it has them. */
export type TemplateValues<T extends MessageType> = {
  [K in keyof (typeof MESSAGE_TEMPLATES)[T]['variables'] as (typeof MESSAGE_TEMPLATES)[T]['variables'][K] extends {
    required: true | 'email';
  }
    ? K
    : never]: string;
} & { [K in keyof (typeof MESSAGE_TEMPLATES)[T]['variables']]?: string | undefined };

export const definitionOf = (type: MessageType): MessageTemplateDefinition =>
  MESSAGE_TEMPLATES[type] as MessageTemplateDefinition;
export const variablesOf = (type: MessageType): Record<string, TemplateVariable> => definitionOf(type).variables;

/** A message of a type the registry does not know (old rows: `general`) counts as essential. */
export const isEssential = (type: string) => (isMessageType(type) ? definitionOf(type).essential : true);
