import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import type { RoutingRule } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import { leadRoutingRules } from './leads.schema.ts';
import type { LeadContext } from './score-context.ts';

type Rule = z.infer<typeof RoutingRule>;
const present = (r: typeof leadRoutingRules.$inferSelect) => ({
  id: r.id,
  priority: r.priority,
  name: r.name,
  partnerEntityId: r.partnerEntityId,
  productInterest: r.productInterest,
  customerKind: r.customerKind,
  entityId: r.entityId,
  active: r.active,
});

export async function listRoutingRules(db: Db) {
  return { rules: (await db.select().from(leadRoutingRules).orderBy(asc(leadRoutingRules.priority))).map(present) };
}

/** Ops edit the rules as one list: it replaces the old list in one transaction, audited. */
export async function replaceRoutingRules(db: Db, context: LeadContext, actor: Actor, rules: Rule[]) {
  const entities = await context.entities();
  const errors = rules.flatMap((r, i) => [
    ...(!entities.has(r.entityId) ? [{ field: `body.rules.${i}.entityId`, message: 'onbekende entiteit' }] : []),
    ...(r.partnerEntityId && !entities.has(r.partnerEntityId)
      ? [{ field: `body.rules.${i}.partnerEntityId`, message: 'onbekende entiteit' }]
      : []),
  ]);
  if (errors.length) throw invalid(errors);
  const result = await db.transaction(async (tx) => {
    const before = await tx.select().from(leadRoutingRules);
    await tx.delete(leadRoutingRules);
    const after = rules.length
      ? await tx
          .insert(leadRoutingRules)
          .values(rules.map(({ id: _id, ...r }) => r))
          .returning()
      : [];
    await recordAudit(tx, actor, {
      action: 'lead_routing_rules.replaced',
      subjectType: 'lead_routing_rules',
      subjectId: 'all',
      before: before.map(present),
      after: after.map(present),
    });
    return { rules: after.sort((a, b) => a.priority - b.priority).map(present) };
  });
  context.forgetRules();
  return result;
}
