import { z } from 'zod';

/**
 * One kind of domain event: its type and the exact shape of its data. Data is strict, so a payload
 * with a key the schema does not name is refused instead of reaching partners unannounced.
 * @example defineEvent('quote.sent', 'Een offerte is verstuurd.', z.object({ number: Text, version: z.number().int() }))
 */
export function defineEvent<const T extends string, D extends z.ZodRawShape>(
  type: T,
  description: string,
  data: z.ZodObject<D>,
) {
  return z.object({ type: z.literal(type), data: data.strict() }).meta({ description });
}
