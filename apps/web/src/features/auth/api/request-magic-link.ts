import { useMutation } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { requestVoid } from '../../../lib/http/http-client';

export const magicLinkInputSchema = z.object({ email: z.email() });
export type MagicLinkInput = z.infer<typeof magicLinkInputSchema>;

/** POST /api/auth/magic-link -> 202 always, so the answer never reveals who is a customer. */
export async function requestMagicLink(input: MagicLinkInput): Promise<void> {
  await requestVoid('/api/auth/magic-link', { method: 'POST', body: input, allowUnauthorized: true });
}

export function useRequestMagicLink() {
  return useMutation({ mutationFn: requestMagicLink });
}
