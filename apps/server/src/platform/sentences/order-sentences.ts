import { wording } from './wording.ts';

/** The reasons the platform gives for an order's steps (a reason a person types is kept as typed). */
export const ORDER_SENTENCES = {
  'order.created_from_quote': wording({
    nl: (p: { quote: string }) => `Offerte ${p.quote} door beide partijen getekend`,
    en: (p) => `Quote ${p.quote} signed by both parties`,
  }),
  'order.visit_planned': wording({
    nl: (p: { visit: string; date: string }, f) => `Bezoek ${p.visit} ingepland op ${f.day(p.date)}`,
    en: (p, f) => `Visit ${p.visit} planned on ${f.day(p.date)}`,
  }),
  'order.visit_started': wording({
    nl: (p: { visit: string; name: string }) => `Bezoek ${p.visit} gestart door ${p.name}`,
    en: (p) => `Visit ${p.visit} started by ${p.name}`,
  }),
  'order.visit_done': wording({
    nl: (p: { visit: string }) => `Bezoek ${p.visit} uitgevoerd`,
    en: (p) => `Visit ${p.visit} done`,
  }),
  'order.invoiced': wording({
    nl: (p: { invoices: string[] }) => `Gefactureerd: ${p.invoices.join(', ')}`,
    en: (p) => `Invoiced: ${p.invoices.join(', ')}`,
  }),
  'order.invoice_paid': wording({
    nl: (p: { invoice: string }) => `Factuur ${p.invoice} betaald`,
    en: (p) => `Invoice ${p.invoice} paid`,
  }),
  'order.resumed': wording({
    nl: () => 'Hervat; de stand van de bezoeken en facturen geldt weer',
    en: () => 'Resumed; the state of the visits and invoices applies again',
  }),
};
