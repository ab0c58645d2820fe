/** Whether a visit's materials are there (or expected) by a date; `missing` names what is not. */
export type MaterialAnswer = { visitId: string; date: string; available: boolean; missing: string[] };

/**
 * The materials port the optimiser asks before it proposes a visit on a day. The inventory module
 * answers it from reservations and expected receipts (read-models/material-availability.ts, wired in
 * app.ts); until then every visit counts as supplied.
 */
export interface MaterialAvailability {
  check(requests: readonly { visitId: string; date: string }[]): Promise<MaterialAnswer[]>;
}

export const everythingAvailable: MaterialAvailability = {
  check: async (requests) => requests.map((r) => ({ ...r, available: true, missing: [] })),
};
