export type PlannerErrorCode =
  | 'invalid-number'
  | 'negative-value'
  | 'window-ends-before-start'
  | 'matrix-size'
  | 'location-out-of-range'
  | 'missing-travel'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'precedence-cycle'
  | 'unknown-day'
  | 'plan-mismatch';

/**
 * Bad input is reported with a code and the path of the offending field
 * (e.g. `visits[3].window`), so a caller can point at the culprit instead of guessing.
 */
export class PlannerInputError extends Error {
  readonly code: PlannerErrorCode;
  readonly field: string;

  constructor(code: PlannerErrorCode, field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'PlannerInputError';
    this.code = code;
    this.field = field;
  }
}
