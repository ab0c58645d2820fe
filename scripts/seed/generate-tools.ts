import type * as s from '../../apps/server/src/platform/db/schema.ts';
import { addMonths } from '../../apps/server/src/modules/inventory/post-stock-moves.ts';
import type { Rng } from '../demo/index.ts';
import type { Reference } from './generate-reference.ts';
import { addDays, localDate, pad, uuidFrom } from './seed-context.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

// What a van carries that needs inspecting or calibrating: NEN 3140 yearly for electrical test equipment.
const KIT = [
  { type: 'Installatietester Fluke 1664 FC', prefix: 'FL', inspection: 12, calibration: 12 },
  { type: 'Momentsleutel 5-25 Nm', prefix: 'MS', inspection: null, calibration: 12 },
  { type: 'Spanningzoeker 2-polig', prefix: 'SZ', inspection: 12, calibration: null },
  { type: 'Vouwladder 3x7', prefix: 'LA', inspection: 12, calibration: null },
] as const;

/**
 * What each installation type needs on the van: the tester and voltage detector for any electrical work,
 * the torque wrench for mounting a charger, the ladder where the meter cabinet or a wall is out of reach.
 */
const NEEDED_BY_TYPE: Insert<typeof s.toolRequirements>[] = [
  { installationType: 'installation', toolType: KIT[0].type, quantity: 1 },
  { installationType: 'installation', toolType: KIT[1].type, quantity: 1 },
  { installationType: 'installation', toolType: KIT[2].type, quantity: 1 },
  { installationType: 'installation', toolType: KIT[3].type, quantity: 1 },
  { installationType: 'meter_replacement', toolType: KIT[0].type, quantity: 1 },
  { installationType: 'meter_replacement', toolType: KIT[2].type, quantity: 1 },
  { installationType: 'survey', toolType: KIT[2].type, quantity: 1 },
];

/**
 * The tool register: each team's van kit and a few spares in the warehouse, each with a year of history
 * (allocated, inspected or calibrated, used). Every fifth tool's inspection ran out in the last weeks and
 * a few fall due within two weeks, so the register and the daily reminder have something to show.
 */
export function generateTools(
  rng: Rng,
  ref: Reference,
  locations: (Insert<typeof s.stockLocations> & { id: string })[],
  now: Date,
) {
  const tools: (Insert<typeof s.tools> & { id: string })[] = [];
  const events: Insert<typeof s.toolEvents>[] = [];
  const warehouse = locations.find((l) => l.kind === 'warehouse')!.id;
  const owners = [
    ...ref.teams.map((t) => ({
      teamId: t.id as string | null,
      at: locations.find((l) => l.teamId === t.id)?.id ?? warehouse,
    })),
    { teamId: null, at: warehouse },
    { teamId: null, at: warehouse },
  ];
  let n = 0;
  for (const owner of owners)
    for (const kit of KIT) {
      const id = uuidFrom(rng);
      n++;
      // Checked 10 to 12 months ago, so due in the coming weeks (some within two weeks); every fifth
      // tool's inspection ran out 3 to 40 days ago.
      const overdue = n % 5 === 0 && kit.inspection !== null;
      const dueBase = overdue ? addDays(now, -rng.int(3, 40)) : addDays(now, rng.int(5, 65));
      const checkedOn = addMonths(localDate(dueBase), -12);
      const dueOn = (months: number | null) => (months ? addMonths(checkedOn, months) : null);
      tools.push({
        id,
        code: `GER-${pad(n, 6)}`,
        type: kit.type,
        serialNumber: `${kit.prefix}${pad(rng.int(100000, 999999), 6)}`,
        teamId: owner.teamId,
        locationId: owner.at,
        status: 'in_use',
        inspectionIntervalMonths: kit.inspection,
        inspectionDueOn: dueOn(kit.inspection),
        calibrationIntervalMonths: kit.calibration,
        calibrationDueOn: dueOn(kit.calibration),
        createdAt: addDays(now, -400),
      });
      const allocatedOn = localDate(addDays(now, -400));
      if (owner.teamId) events.push({ toolId: id, kind: 'allocated', happenedOn: allocatedOn, teamId: owner.teamId });
      if (kit.inspection)
        events.push({ toolId: id, kind: 'inspection', happenedOn: checkedOn, teamId: owner.teamId, result: 'passed' });
      if (kit.calibration)
        events.push({ toolId: id, kind: 'calibration', happenedOn: checkedOn, teamId: owner.teamId, result: 'passed' });
      if (owner.teamId && rng.chance(0.5))
        events.push({
          toolId: id,
          kind: 'usage',
          happenedOn: localDate(addDays(now, -rng.int(1, 60))),
          teamId: owner.teamId,
          note: 'Eindmeting laadpaalgroep',
        });
    }
  return { tools, events, requirements: NEEDED_BY_TYPE };
}
