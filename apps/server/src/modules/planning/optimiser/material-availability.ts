import type { DbOrTx } from '../../../platform/db/client.ts';

/** Whether a visit's materials are there (or expected) by a date; `missing` names what is not. */
export type MaterialAnswer = { visitId: string; date: string; available: boolean; missing: string[] };

/**
 * The materials port the optimiser asks before it proposes a visit on a day. The inventory module
 * answers it from reservations and expected receipts (read-models/material-availability.ts, wired in
 * app.ts); until then every visit counts as supplied. It reads through the caller's `db`: the optimiser
 * asks inside the transaction that reads the horizon (on PGlite's one connection, a query outside it
 * would wait for the transaction to end).
 */
export interface MaterialAvailability {
  check(db: DbOrTx, requests: readonly { visitId: string; date: string }[]): Promise<MaterialAnswer[]>;
}

export const everythingAvailable: MaterialAvailability = {
  check: async (_db, requests) => requests.map((r) => ({ ...r, available: true, missing: [] })),
};
