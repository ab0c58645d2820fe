import { ErrorNotice } from '../../../design/error-notice';
import { Notice } from '../../../design/status-message';
import { isProblem } from '../../../lib/http/http-client';

/** Why a change was refused, as the server said it (with the fields it named); otherwise the general notice. */
export function ProblemNotice({ error }: { error: unknown }) {
  if (!error) return null;
  if (!isProblem(error) || error.status === 403) return <ErrorNotice error={error} />;
  return (
    <Notice tone="error">
      {error.detail ?? error.title}
      {error.errors?.length ? ` (${error.errors.map((f) => f.message).join('; ')})` : ''}
    </Notice>
  );
}
