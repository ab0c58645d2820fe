import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { toolRequirements } from './tools.schema.ts';

export type ToolRequirementInput = {
  installationType: 'survey' | 'installation' | 'meter_replacement';
  toolType: string;
  quantity: number;
};

/** How many tools of a type an installation type needs on the van; 0 takes it off the list. */
export async function setToolRequirement(tx: Tx, actor: Actor, input: ToolRequirementInput) {
  const toolType = input.toolType.trim();
  const key = and(
    eq(toolRequirements.installationType, input.installationType),
    eq(toolRequirements.toolType, toolType),
  );
  if (input.quantity === 0) await tx.delete(toolRequirements).where(key);
  else
    await tx
      .insert(toolRequirements)
      .values({ installationType: input.installationType, toolType, quantity: input.quantity })
      .onConflictDoUpdate({
        target: [toolRequirements.installationType, toolRequirements.toolType],
        set: { quantity: input.quantity },
      });
  await recordAudit(tx, actor, {
    action: 'tool_requirement.set',
    subjectType: 'tool_requirement',
    subjectId: `${input.installationType}:${toolType}`,
    after: { quantity: input.quantity },
  });
  return { installationType: input.installationType, toolType, quantity: input.quantity };
}
