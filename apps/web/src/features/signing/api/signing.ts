import { useMutation, useQuery } from '@tanstack/react-query';
import { SigningPart as SigningPartSchema, SignResult } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type SigningPart = z.infer<typeof SigningPartSchema>;

/** GET /api/sign/:token: exactly the signer's part; no account, the token is the key. */
export const signingPartEndpoint = endpoint('GET', '/api/sign/:token', SigningPartSchema);
/** POST /api/sign/:token: signs once; a second use answers 409. */
export const signPartEndpoint = endpoint('POST', '/api/sign/:token', SignResult);
/** POST /api/sign/:token/decline with a reason. */
export const declinePartEndpoint = endpoint('POST', '/api/sign/:token/decline', SignResult);

export function useSigningPart(token: string) {
  return useQuery({
    queryKey: ['signing', token],
    queryFn: ({ signal }) => request(signingPartEndpoint, { params: { token }, signal, allowUnauthorized: true }),
    retry: false,
  });
}

export type SignInput = { name: string; method: 'typed' | 'drawn'; signatureImage?: string };

export function useSignPart(token: string) {
  return useMutation({
    mutationFn: (input: SignInput) =>
      request(signPartEndpoint, { params: { token }, body: input, allowUnauthorized: true }),
  });
}

export function useDeclinePart(token: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      request(declinePartEndpoint, { params: { token }, body: { reason }, allowUnauthorized: true }),
  });
}

/** The part as PDF, in the page's language (a link opens without the app's Accept-Language). */
export const signingPdfHref = (token: string, locale: 'nl-NL' | 'en') =>
  `/api/sign/${encodeURIComponent(token)}/pdf${locale === 'en' ? '?lang=en' : ''}`;
