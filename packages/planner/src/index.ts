export type * from './model.ts';
export { PlannerInputError, type PlannerErrorCode } from './planner-error.ts';
export { validateProblem, validateSearchOptions } from './validate-problem.ts';
export { haversineKm, haversineMatrix, euclideanMatrix, type HaversineOptions } from './travel.ts';
export { checkPlan, type CheckOptions, type CheckResult, type Violation, type ViolationKind } from './check-plan.ts';
export { solveHorizon, type SolveOptions, type SolveResult } from './solve-horizon.ts';
export { parseSolomon } from './formats/solomon.ts';
export {
  insertVisit,
  type InsertionOption,
  type InsertOptions,
  type InsertResult,
  type TimeBlock,
} from './insert-visit.ts';
export { repairPlan, type RepairResult } from './repair-plan.ts';
export { parseCvrplib } from './formats/cvrplib.ts';
