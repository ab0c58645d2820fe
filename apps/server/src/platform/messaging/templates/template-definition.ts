export type Language = 'nl' | 'en';
export const TEMPLATE_CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];
/** A template's text on one channel in one language; SMS and WhatsApp have no subject (''). */
export type TemplateText = { subject: string; body: string };

/**
 * A value a template may use, with a sample for the preview. Required ones must appear in every version
 * of it; `email`: in the e-mail, while a short SMS may leave it out.
 */
export type TemplateVariable = { required: boolean | 'email'; sample: string | Record<Language, string> };

export type MessageTemplateDefinition<
  Vars extends Record<string, TemplateVariable> = Record<string, TemplateVariable>,
> = {
  label: Record<Language, string>;
  /** Essential messages go even to a customer who opted out of the rest (a login link, the visit itself). */
  essential: boolean;
  variables: Vars;
  defaults: Partial<Record<TemplateChannel, Record<Language, TemplateText>>>;
};

/** One entry of the registry; the variables are kept as types, so a producer cannot leave a required one out. */
export const defineTemplate = <Vars extends Record<string, TemplateVariable>>(
  definition: MessageTemplateDefinition<Vars>,
) => definition;

export const required = (sample: TemplateVariable['sample']) => ({ required: true as const, sample });
export const requiredInEmail = (sample: TemplateVariable['sample']) => ({ required: 'email' as const, sample });
export const optional = (sample: TemplateVariable['sample']) => ({ required: false as const, sample });

/** Every template may sign with its brand; the renderer fills these in from the entity. */
export const BRAND_VARIABLES = {
  brandName: optional('LaderThuis.nl'),
  brandWebsite: optional('https://laderthuis.nl'),
} satisfies Record<string, TemplateVariable>;

/** The Dutch and English greeting and closing every customer e-mail shares. */
export const bye = { nl: 'Met vriendelijke groet,\n{{brandName}}', en: 'Kind regards,\n{{brandName}}' };
