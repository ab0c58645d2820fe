import { wording } from './wording.ts';

const SOURCE = {
  api: { nl: 'Partner API', en: 'the Partner API' },
  web: { nl: 'webformulier', en: 'the web form' },
  ops: { nl: 'operations', en: 'operations' },
} as const;
const MATCHED_ON = {
  email: { nl: 'e-mailadres', en: 'e-mail address' },
  phone: { nl: 'telefoonnummer', en: 'phone number' },
  address: { nl: 'postcode en huisnummer', en: 'postcode and house number' },
} as const;
const region = (code: string | null, word: string) => (code ? `, ${word} ${code}` : '');

/** The steps of a lead's timeline, as the pipeline and the people working it word them. */
export const LEAD_SENTENCES = {
  'lead.received': wording({
    nl: (p: { source: keyof typeof SOURCE; partner: string | null }) =>
      `Ontvangen via ${SOURCE[p.source].nl}${p.partner ? ` van ${p.partner}` : ''}`,
    en: (p) => `Received via ${SOURCE[p.source].en}${p.partner ? ` from ${p.partner}` : ''}`,
  }),
  'lead.enriched': wording({
    nl: (p: { municipality: string | null; region: string }) => `Verrijkt: ${p.municipality ?? '?'}, regio ${p.region}`,
    en: (p) => `Enriched: ${p.municipality ?? '?'}, region ${p.region}`,
  }),
  'lead.not_enriched': wording({
    nl: () => 'Niet verrijkt: geen bruikbaar adres',
    en: () => 'Not enriched: no usable address',
  }),
  'lead.repeat_customer': wording({
    nl: (p: { matchedOn: keyof typeof MATCHED_ON }) =>
      `Herhaalde lead: bestaande klant gevonden op ${MATCHED_ON[p.matchedOn].nl}`,
    en: (p) => `Repeat lead: existing customer found by ${MATCHED_ON[p.matchedOn].en}`,
  }),
  'lead.new_customer': wording({ nl: () => 'Nieuwe klant aangemaakt', en: () => 'New customer created' }),
  'lead.scored': wording({
    nl: (p: { score: number }, f) => `Score ${f.number(p.score)}/100`,
    en: (p, f) => `Score ${f.number(p.score)}/100`,
  }),
  'lead.routed': wording({
    nl: (p: { entity: string; region: string | null; rule: string }) =>
      `Toegewezen aan ${p.entity}${region(p.region, 'regio')} (${p.rule})`,
    en: (p) => `Routed to ${p.entity}${region(p.region, 'region')} (${p.rule})`,
  }),
  'lead.intake_sent': wording({
    nl: (p: { email: string }) => `Intakevragenlijst gestuurd naar ${p.email}`,
    en: (p) => `Intake questionnaire sent to ${p.email}`,
  }),
  'lead.intake_reminder': wording({
    nl: (p: { email: string }) => `Herinnering intake gestuurd naar ${p.email}`,
    en: (p) => `Intake reminder sent to ${p.email}`,
  }),
  'lead.intake_completed': wording({
    nl: (p: { phases: string; meters: number; photos: number }, f) =>
      `Intake ingevuld (${p.phases === 'unknown' ? 'fasen onbekend' : `${p.phases}-fase`}, ${f.number(p.meters)} m, ${p.photos} foto${p.photos === 1 ? '' : "'s"})`,
    en: (p, f) =>
      `Intake completed (${p.phases === 'unknown' ? 'phases unknown' : `${p.phases}-phase`}, ${f.number(p.meters)} m, ${p.photos} photo${p.photos === 1 ? '' : 's'})`,
  }),
  'lead.auto_qualified': wording({
    nl: () => 'Automatisch gekwalificeerd: volledig en geldig, klaar voor offerte',
    en: () => 'Qualified automatically: complete and valid, ready for a quote',
  }),
  'lead.auto_qualified_after_intake': wording({
    nl: () => 'Automatisch gekwalificeerd na intake',
    en: () => 'Qualified automatically after the intake',
  }),
  'lead.awaiting_intake': wording({
    nl: () => 'Wacht op de intake of op operations',
    en: () => 'Waiting for the intake or for operations',
  }),
  'lead.assigned': wording({
    // Either part may be absent: a person moved the lead to an entity, to a colleague, or both.
    nl: (p: { entity: string | null; person: 'colleague' | 'no_one' | null }) =>
      `Toegewezen aan ${[p.entity && `entiteit ${p.entity}`, p.person && (p.person === 'colleague' ? 'een medewerker' : 'niemand')].filter(Boolean).join(' en ')}`,
    en: (p) =>
      `Assigned to ${[p.entity && `entity ${p.entity}`, p.person && (p.person === 'colleague' ? 'a colleague' : 'no one')].filter(Boolean).join(' and ')}`,
  }),
  'lead.qualified_by': wording({
    nl: (p: { name: string }) => `Gekwalificeerd door ${p.name}`,
    en: (p) => `Qualified by ${p.name}`,
  }),
  'lead.rejected_by': wording({
    nl: (p: { name: string; reason: string }) => `Afgewezen door ${p.name}: ${p.reason}`,
    en: (p) => `Rejected by ${p.name}: ${p.reason}`,
  }),
  'lead.converted': wording({
    nl: (p: { quote: string }) => `Offerte ${p.quote} getekend: de lead is een order geworden`,
    en: (p) => `Quote ${p.quote} signed: the lead became an order`,
  }),
  'lead.processing_failed': wording({
    nl: (p: { error: string }) => `Automatische verwerking mislukt (${p.error}): operations handelt deze lead af`,
    en: (p) => `Automatic processing failed (${p.error}): operations will handle this lead`,
  }),
  'lead.escalated': wording({
    nl: () => 'SLA verstreken: geëscaleerd naar operations',
    en: () => 'SLA passed: escalated to operations',
  }),
};
