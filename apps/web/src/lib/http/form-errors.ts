import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isProblem } from './http-client';

/**
 * Puts the server's per-field messages next to the fields of a react-hook-form form and
 * returns what is left for a banner (a problem without field errors, or a network failure).
 */
export function applyProblemToForm<F extends FieldValues>(
  error: unknown,
  fields: readonly Path<F>[],
  setError: UseFormSetError<F>,
): string | null {
  if (!isProblem(error)) return error instanceof Error ? error.message : String(error);
  let placed = 0;
  for (const e of error.errors) {
    const field = fields.find((f) => f === e.field);
    if (field) {
      setError(field, { type: 'server', message: e.message });
      placed++;
    }
  }
  if (placed > 0 && placed === error.errors.length) return null;
  return error.detail ?? error.title;
}
