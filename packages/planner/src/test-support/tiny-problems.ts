import type { Problem, Team, Visit } from '../model.ts';
import { euclideanMatrix } from '../travel.ts';

/** Points on a plane; location 0 is the depot at the origin. */
export function planeProblem(
  points: { x: number; y: number }[],
  visits: Omit<Visit, 'location'>[],
  teams: Partial<Team>[],
  days = ['d1'],
): Problem {
  return {
    days,
    matrix: euclideanMatrix([{ x: 0, y: 0 }, ...points]),
    visits: visits.map((v, i) => ({ ...v, location: i + 1 })),
    teams: teams.map((t, i) => ({
      id: `t${i + 1}`,
      start: 0,
      end: 0,
      skills: [],
      shifts: days.map((day) => ({ day, start: 0, end: 1000 })),
      ...t,
    })),
    objective: { bundleWeight: 0, balance: 0 },
  };
}
