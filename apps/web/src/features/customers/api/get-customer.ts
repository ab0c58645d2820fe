import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { visitSummarySchema } from '../../../lib/http/visit-summary';
import { customerListItemSchema } from './list-customers';

// The nested shapes are not spelled out in docs/api-foundation.md; these are the fields the
// detail page shows. Everything but ids is optional so a leaner server still renders.
export const addressSchema = z.object({
  id: z.nullish(z.string()),
  kind: z.nullish(z.string()),
  street: z.nullish(z.string()),
  houseNumber: z.nullish(z.union([z.string(), z.number()])),
  houseNumberAddition: z.nullish(z.string()),
  postcode: z.nullish(z.string()),
  city: z.nullish(z.string()),
});

export const interactionSchema = z.object({
  id: z.string(),
  entity: z.nullish(z.string()),
  channel: z.nullish(z.string()),
  type: z.nullish(z.string()),
  subject: z.nullish(z.string()),
  summary: z.nullish(z.string()),
  occurredAt: z.nullish(z.string()),
  createdAt: z.nullish(z.string()),
});

export const quoteSummarySchema = z.object({
  id: z.string(),
  number: z.nullish(z.string()),
  entity: z.nullish(z.string()),
  status: z.nullish(z.string()),
  totalCents: z.nullish(z.number()),
  createdAt: z.nullish(z.string()),
});

export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.nullish(z.string()),
  entity: z.nullish(z.string()),
  stage: z.nullish(z.string()),
  progress: z.nullish(z.number()),
  totalCents: z.nullish(z.number()),
  createdAt: z.nullish(z.string()),
});

export const noteSchema = z.object({
  id: z.string(),
  body: z.string(),
  authorName: z.nullish(z.string()),
  createdAt: z.nullish(z.string()),
});
export type Note = z.infer<typeof noteSchema>;

export const customerDetailSchema = z.extend(customerListItemSchema, {
  addresses: z._default(z.array(addressSchema), []),
  interactions: z._default(z.array(interactionSchema), []),
  quotes: z._default(z.array(quoteSummarySchema), []),
  orders: z._default(z.array(orderSummarySchema), []),
  visits: z._default(z.array(visitSummarySchema), []),
  notes: z._default(z.array(noteSchema), []),
  tags: z._default(z.array(z.string()), []),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const customerQueryKey = (id: string) => ['customers', 'detail', id] as const;

export function getCustomer(id: string, signal?: AbortSignal) {
  return request(`/api/customers/${encodeURIComponent(id)}`, customerDetailSchema, { signal });
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerQueryKey(id), queryFn: ({ signal }) => getCustomer(id, signal) });
}
