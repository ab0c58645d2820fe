import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { planningTeams } from '../../read-models/planning-world.ts';
import { regions, teamRegions, teams, type TECHNICIAN_SKILLS } from './planning.schema.ts';

export type TeamSettingsInput = {
  workingDays?: number[] | undefined;
  maxVisitsPerDay?: number | undefined;
  skills?: (typeof TECHNICIAN_SKILLS)[number][] | undefined;
  regions?: string[] | undefined;
};

/** What planning needs to know of a team: its working days, daily maximum, skills and regions. */
export async function updateTeamSettings(db: Db, actor: Actor, teamId: string, input: TeamSettingsInput) {
  return db.transaction(async (tx) => {
    const [before] = await planningTeams(tx, [teamId]);
    if (!before) throw notFound('Team', 'Team');
    if (input.regions) {
      const known = new Set((await tx.select({ code: regions.code }).from(regions)).map((r) => r.code));
      const unknown = input.regions.filter((r) => !known.has(r));
      if (unknown.length)
        throw new AppError(
          422,
          'validation',
          'Onbekende regio',
          [{ field: 'body.regions', message: `onbekend: ${unknown.join(', ')}` }],
          {
            message: 'Unknown region',
            errors: { 'body.regions': `unknown: ${unknown.join(', ')}` },
          },
        );
      await tx.delete(teamRegions).where(eq(teamRegions.teamId, teamId));
      if (input.regions.length)
        await tx.insert(teamRegions).values([...new Set(input.regions)].map((regionCode) => ({ teamId, regionCode })));
    }
    const set = {
      ...(input.workingDays ? { workingDays: [...new Set(input.workingDays)].sort() } : {}),
      ...(input.maxVisitsPerDay !== undefined ? { maxVisitsPerDay: input.maxVisitsPerDay } : {}),
      ...(input.skills ? { skills: [...new Set(input.skills)] } : {}),
    };
    if (Object.keys(set).length) await tx.update(teams).set(set).where(eq(teams.id, teamId));
    const [after] = await planningTeams(tx, [teamId]);
    const pick = (t: typeof before) => ({
      workingDays: t.workingDays,
      maxVisitsPerDay: t.maxVisitsPerDay,
      skills: t.skills,
      regions: t.regions,
    });
    await recordAudit(tx, actor, {
      action: 'team.settings_changed',
      subjectType: 'team',
      subjectId: teamId,
      before: pick(before),
      after: pick(after!),
    });
    return { id: teamId, ...pick(after!) };
  });
}
