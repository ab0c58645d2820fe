import type { ScoreReason } from './leads.schema.ts';
import type { NormalisedLead } from './normalise-lead.ts';
import type { Enrichment } from './enrich-lead.ts';

export type ScoreContext = {
  /** Teams serving the lead's region, and how full their next two weeks are (0..1). */
  regionTeams: number;
  regionLoad: number;
  /** The partner's historic share of leads that qualified or converted; null without history or partner. */
  partnerConversion: number | null;
  partnerLeadCount: number;
};

const INTEREST_POINTS: [RegExp, number, string][] = [
  [/laadplein|zakelijk|fleet|wagenpark/i, 20, 'zakelijk laadplein: grootste opdracht'],
  [/zonne|solar/i, 17, 'laadpaal met zonnepanelen'],
  [/thuislader|laadpaal|laadstation|wallbox|charger/i, 15, 'laadpaal voor thuis'],
  [/meterkast/i, 12, 'meterkastwerk'],
];

/** Step 4: a score of 0-100 from four factors, each with its points, maximum and reason. */
export function scoreLead(
  lead: NormalisedLead,
  enrichment: Enrichment,
  ctx: ScoreContext,
): { score: number; reasons: ScoreReason[]; breakdown: Record<string, number> } {
  const reasons: ScoreReason[] = [];
  if (!enrichment.regionCode)
    reasons.push({ factor: 'regio', points: 0, max: 30, reason: 'geen adres of regio onbekend' });
  else if (ctx.regionTeams === 0)
    reasons.push({ factor: 'regio', points: 10, max: 30, reason: `regio ${enrichment.regionCode} zonder eigen team` });
  else {
    const points = Math.round(20 + 10 * (1 - Math.min(1, ctx.regionLoad)));
    reasons.push({
      factor: 'regio',
      points,
      max: 30,
      reason: `regio ${enrichment.regionCode}: ${ctx.regionTeams} team(s), ${Math.round(ctx.regionLoad * 100)}% bezet`,
    });
  }
  if (ctx.partnerConversion === null)
    reasons.push({
      factor: 'partnerkwaliteit',
      points: 15,
      max: 25,
      reason: ctx.partnerLeadCount ? 'te weinig historie; neutraal' : 'geen partner of geen historie; neutraal',
    });
  else
    reasons.push({
      factor: 'partnerkwaliteit',
      points: Math.round(25 * ctx.partnerConversion),
      max: 25,
      reason: `${Math.round(ctx.partnerConversion * 100)}% van ${ctx.partnerLeadCount} eerdere leads gekwalificeerd`,
    });
  const a = enrichment.address;
  const parts = [lead.phone ? 8 : 0, a ? 7 : 0, a?.street && a.city ? 5 : 0, lead.productInterest ? 5 : 0];
  const missing = [
    !lead.phone && 'telefoon',
    !a && 'adres',
    a && !(a.street && a.city) && 'straat/plaats',
    !lead.productInterest && 'productinteresse',
  ].filter(Boolean);
  reasons.push({
    factor: 'volledigheid',
    points: parts.reduce((s, p) => s + p, 0),
    max: 25,
    reason: missing.length ? `ontbreekt: ${missing.join(', ')}` : 'alle gegevens aanwezig',
  });
  const interest = lead.productInterest ? INTEREST_POINTS.find(([re]) => re.test(lead.productInterest!)) : undefined;
  reasons.push(
    interest
      ? { factor: 'productinteresse', points: interest[1], max: 20, reason: interest[2] }
      : {
          factor: 'productinteresse',
          points: lead.productInterest ? 8 : 0,
          max: 20,
          reason: lead.productInterest ? 'overige interesse' : 'niet opgegeven',
        },
  );
  const score = Math.max(
    0,
    Math.min(
      100,
      reasons.reduce((s, r) => s + r.points, 0),
    ),
  );
  return { score, reasons, breakdown: Object.fromEntries(reasons.map((r) => [r.factor, r.points])) };
}

/** Complete and valid: reachable by phone, a known address in a served region. Such a lead needs no human. */
export function isComplete(lead: NormalisedLead, enrichment: Enrichment): boolean {
  const a = enrichment.address;
  return !!lead.phone && !!a?.street && !!a.city && !!enrichment.regionCode && enrichment.addressVerified !== false;
}

/** Below this a lead waits for a person even when complete. */
export const AUTO_QUALIFY_MIN_SCORE = 50;
