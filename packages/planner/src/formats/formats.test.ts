import { describe, expect, it } from 'vitest';
import { checkPlan } from '../check-plan.ts';
import { PlannerInputError } from '../planner-error.ts';
import { solveHorizon } from '../solve-horizon.ts';
import { parseCvrplib } from './cvrplib.ts';
import { parseSolomon } from './solomon.ts';

const solomon = [
  'TINY',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  2         10',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  ' ',
  '    0      0          0          0          0        100          0',
  '    1      3          4          6          0         50          5',
  '    2      6          8          6         10         60          5',
  '    3      0          5          3          0         90          5',
].join('\r\n');

const vrp = [
  'NAME : tiny',
  'TYPE : CVRP',
  'DIMENSION : 4',
  'EDGE_WEIGHT_TYPE : EUC_2D',
  'CAPACITY : 10',
  'NODE_COORD_SECTION',
  '1 0 0',
  '2 3 4',
  '3 6 8',
  '4 0 5',
  'DEMAND_SECTION',
  '1 0',
  '2 6',
  '3 6',
  '4 3',
  'DEPOT_SECTION',
  ' 1',
  ' -1',
  'EOF',
].join('\n');

describe('benchmark formats', () => {
  it('reads Solomon: fleet, capacity, windows, service times and Euclidean travel', () => {
    const p = parseSolomon(solomon);
    expect(p.teams).toHaveLength(2);
    expect(p.teams[0]).toMatchObject({ capacity: 10, shifts: [{ start: 0, end: 100 }] });
    expect(p.visits[1]).toMatchObject({ id: '2', demand: 6, duration: 5, window: { start: 10, end: 60 } });
    expect(p.matrix!.distances[1 * 4 + 2]).toBeCloseTo(5);
    const { plan } = solveHorizon(p, { maxIterations: 500 });
    expect(checkPlan(p, plan).ok).toBe(true);
    expect(plan.unassigned).toEqual([]);
    expect(plan.routes).toHaveLength(2);
  });

  it('reads CVRPLIB with TSPLIB nint distances', () => {
    const p = parseCvrplib(vrp);
    expect(p.visits.map((v) => v.demand)).toEqual([6, 6, 3]);
    expect(p.matrix!.distances[0 * 4 + 3]).toBe(5);
    const { plan } = solveHorizon(p, { maxIterations: 500 });
    // 6 + 6 > 10 splits customers 2 and 3; best is depot-4-3-depot (5 + 7 + 10) and depot-2-depot (5 + 5).
    expect(plan.cost.distance).toBe(32);
  });

  it('names the broken part of a malformed file', () => {
    expect(() => parseSolomon('nothing here')).toThrow(PlannerInputError);
    expect(() => parseCvrplib(vrp.replace('EUC_2D', 'GEO'))).toThrow(/EDGE_WEIGHT_TYPE/);
  });
});
