import { useMutation } from '@tanstack/react-query';
import { MagicLinkRequest, MagicLinkSent } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export const magicLinkInputSchema = MagicLinkRequest;
export type MagicLinkInput = z.input<typeof MagicLinkRequest>;

export const magicLinkEndpoint = endpoint('POST', '/api/auth/magic-link', MagicLinkSent);

/** POST /api/auth/magic-link -> 202 always, so the answer never reveals who is a customer. */
export async function requestMagicLink(input: MagicLinkInput): Promise<void> {
  await request(magicLinkEndpoint, { body: input, allowUnauthorized: true });
}

export function useRequestMagicLink() {
  return useMutation({ mutationFn: requestMagicLink });
}
