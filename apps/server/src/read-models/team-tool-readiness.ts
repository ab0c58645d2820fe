import { sql } from 'drizzle-orm';
import { rawRows } from '../platform/db/raw-rows.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { teams } from '../modules/planning/planning.schema.ts';
import { toolRequirements, tools } from '../modules/inventory/tools.schema.ts';

type InstallationType = 'survey' | 'installation' | 'meter_replacement';

// The skill a team needs to be sent on each installation type, as planning asks it of a visit
// (planning's requiredSkills); a team is judged only on the types it can be sent on.
const SKILL_FOR: Record<InstallationType, string> = {
  survey: 'survey',
  installation: 'charger_installation',
  meter_replacement: 'three_phase_meter_cabinet',
};
const TYPES = Object.keys(SKILL_FOR) as InstallationType[];

/**
 * Per team and installation type it does, whether its tools cover what the type needs: a tool counts when
 * it is in use by the team and neither its inspection nor its calibration has run out; one that has run out
 * is shown apart, since the team holds it but may not use it.
 */
export async function teamToolReadiness(db: DbOrTx, today: string) {
  const requirements = await rawRows<{ installation_type: InstallationType; tool_type: string; quantity: number }>(
    db,
    sql`select installation_type, tool_type, quantity from ${toolRequirements} order by installation_type, tool_type`,
  );
  const teamRows = await rawRows<{ id: string; name: string; skills: string[] }>(
    db,
    sql`select id, name, skills from ${teams} order by name`,
  );
  const held = await rawRows<{ team_id: string; type: string; usable: number; overdue: number }>(
    db,
    sql`select team_id, type,
               (count(*) filter (where coalesce(inspection_due_on, ${today}::date) >= ${today}::date
                                   and coalesce(calibration_due_on, ${today}::date) >= ${today}::date))::int usable,
               (count(*) filter (where inspection_due_on < ${today}::date or calibration_due_on < ${today}::date))::int overdue
        from ${tools} where status = 'in_use' and team_id is not null group by 1, 2`,
  );
  const types = await rawRows<{ type: string }>(
    db,
    sql`select distinct type from ${tools} where status <> 'retired' order by type`,
  );
  const holding = new Map(held.map((h) => [`${h.team_id}|${h.type}`, h]));
  return {
    requirements: requirements.map((r) => ({
      installationType: r.installation_type,
      toolType: r.tool_type,
      quantity: Number(r.quantity),
    })),
    toolTypes: types.map((t) => t.type),
    teams: teamRows.map((team) => ({
      team: { id: team.id, name: team.name },
      types: TYPES.filter((type) => team.skills.includes(SKILL_FOR[type])).map((type) => {
        const missing = requirements
          .filter((r) => r.installation_type === type)
          .map((r) => {
            const h = holding.get(`${team.id}|${r.tool_type}`);
            return {
              toolType: r.tool_type,
              needed: Number(r.quantity),
              usable: Number(h?.usable ?? 0),
              overdue: Number(h?.overdue ?? 0),
            };
          })
          .filter((m) => m.usable < m.needed);
        return { installationType: type, ready: missing.length === 0, missing };
      }),
    })),
  };
}
