import type { PlanningProposal } from '@chargecars/contract';
import type { Plan } from '@chargecars/planner';
import type { z } from 'zod';

type View = z.infer<typeof PlanningProposal>;

/** What a finished proposal keeps: the engine's plan (to apply and check) and the difference shown. */
export type StoredProposal = {
  plan: Plan;
  weatherAvailable: boolean;
  travelSource: string;
  changes: View['changes'];
  teams: Omit<View['teams'][number], 'applied'>[];
  affectedCustomers: View['affectedCustomers'];
};
