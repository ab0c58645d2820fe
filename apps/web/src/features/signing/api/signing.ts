import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';

export const signingPartSchema = z.object({
  quoteNumber: z.string(), version: z.number(), role: z.string(), status: z.string(), signerParty: z.string(), validUntil: z.string(), documentSha256: z.string(),
  entity: z.object({ name: z.string(), brandColor: z.string(), website: z.string() }),
  lines: z.array(z.object({ description: z.string(), specification: z.nullable(z.string()), quantity: z.number(), unitPriceCents: z.number(), vatRate: z.number(), vatCategory: z.string(), totalCents: z.number() })),
  // Set when the signer's lines carry reverse charge: the VAT number the VAT is shifted to.
  buyerVatNumber: z.nullable(z.string()),
  netCents: z.number(), vatCents: z.number(), grossCents: z.number(),
});
export type SigningPart = z.infer<typeof signingPartSchema>;
const resultSchema = z.object({ status: z.string(), quoteStatus: z.string(), orderId: z.nullable(z.string()) });

const path = (token: string) => `/api/sign/${encodeURIComponent(token)}`;

/** GET /api/sign/:token: exactly the signer's part; no account, the token is the key. */
export function useSigningPart(token: string) {
  return useQuery({ queryKey: ['signing', token], queryFn: ({ signal }) => request(path(token), signingPartSchema, { signal, allowUnauthorized: true }), retry: false });
}

export type SignInput = { name: string; method: 'typed' | 'drawn'; signatureImage?: string };

/** POST /api/sign/:token: signs once; a second use answers 409. */
export function useSignPart(token: string) {
  return useMutation({ mutationFn: (input: SignInput) => request(path(token), resultSchema, { method: 'POST', body: input, allowUnauthorized: true }) });
}

/** POST /api/sign/:token/decline with a reason. */
export function useDeclinePart(token: string) {
  return useMutation({ mutationFn: (reason: string) => request(`${path(token)}/decline`, resultSchema, { method: 'POST', body: { reason }, allowUnauthorized: true }) });
}

export const signingPdfHref = (token: string) => `${path(token)}/pdf`;
