import { Problem } from '@chargecars/contract';

/** One field the server rejected, e.g. `{ field: 'email', message: 'Ongeldig e-mailadres' }`. */
export type FieldError = { field: string; message: string };

/**
 * A failed API call. Carries what the UI needs: the HTTP status, a title and detail for a
 * banner, the machine `code`, and per-field messages for forms.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly errors: FieldError[];

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    code?: string | undefined;
    type?: string | undefined;
    errors?: FieldError[] | undefined;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ProblemError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code;
    this.type = init.type;
    this.errors = init.errors ?? [];
  }

  /** The message for one form field, if the server rejected it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

/**
 * Turns a non-2xx response into a ProblemError. A body that is not problem+json (a proxy's
 * HTML page, an empty 502) still yields a usable error with the status text as its title.
 */
export async function problemFromResponse(response: Response): Promise<ProblemError> {
  const text = await response.text().catch(() => '');
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  const parsed = Problem.safeParse(body);
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
  if (!parsed.success) return new ProblemError({ status: response.status, title: fallbackTitle });
  const p = parsed.data;
  return new ProblemError({
    status: p.status,
    title: p.title,
    detail: p.detail,
    code: p.code,
    type: p.type,
    errors: p.errors ?? [],
  });
}
