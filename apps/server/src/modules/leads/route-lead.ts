import type { leadRoutingRules } from './leads.schema.ts';

type Rule = typeof leadRoutingRules.$inferSelect;
export type RoutingInput = {
  partnerEntityId: string | null;
  productInterest: string | null;
  customerKind: 'consumer' | 'business';
};

/**
 * Step 5: the first active rule (by priority) whose conditions all hold decides the entity; without
 * one, a partner's lead goes to the partner's entity, a business lead to ChargeCars and a consumer to
 * LaderThuis.nl.
 */
export function routeLead(
  rules: readonly Rule[],
  input: RoutingInput,
  knownEntities: ReadonlySet<string>,
): { entityId: string; rule: string } {
  const sorted = [...rules].filter((r) => r.active).sort((a, b) => a.priority - b.priority);
  for (const r of sorted) {
    if (r.partnerEntityId && r.partnerEntityId !== input.partnerEntityId) continue;
    if (r.customerKind && r.customerKind !== input.customerKind) continue;
    if (r.productInterest && r.productInterest.toLowerCase() !== (input.productInterest ?? '').toLowerCase()) continue;
    if (knownEntities.has(r.entityId)) return { entityId: r.entityId, rule: r.name };
  }
  if (input.partnerEntityId) return { entityId: input.partnerEntityId, rule: 'standaard: entiteit van de partner' };
  const fallback = input.customerKind === 'business' ? 'chargecars' : 'laderthuis';
  return {
    entityId: knownEntities.has(fallback) ? fallback : ([...knownEntities][0] ?? fallback),
    rule: `standaard: ${input.customerKind === 'business' ? 'zakelijk' : 'consument'}`,
  };
}
