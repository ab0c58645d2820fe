import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../lib/http/http-client';
import { customerListItemSchema } from './list-customers';

// The nested shapes are not spelled out in docs/api-foundation.md; these are the fields the
// detail page shows. Everything but ids is optional so a leaner server still renders.
export const addressSchema = z.object({
  id: z.string().nullish(),
  kind: z.string().nullish(),
  street: z.string().nullish(),
  houseNumber: z.union([z.string(), z.number()]).nullish(),
  houseNumberAddition: z.string().nullish(),
  postcode: z.string().nullish(),
  city: z.string().nullish(),
});

export const interactionSchema = z.object({
  id: z.string(),
  entity: z.string().nullish(),
  channel: z.string().nullish(),
  type: z.string().nullish(),
  subject: z.string().nullish(),
  summary: z.string().nullish(),
  occurredAt: z.string().nullish(),
  createdAt: z.string().nullish(),
});

export const quoteSummarySchema = z.object({
  id: z.string(),
  number: z.string().nullish(),
  entity: z.string().nullish(),
  status: z.string().nullish(),
  totalCents: z.number().nullish(),
  createdAt: z.string().nullish(),
});

export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.string().nullish(),
  entity: z.string().nullish(),
  stage: z.string().nullish(),
  progress: z.number().nullish(),
  totalCents: z.number().nullish(),
  createdAt: z.string().nullish(),
});

export const visitSummarySchema = z.object({
  id: z.string(),
  number: z.string().nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  date: z.string().nullish(),
  block: z.string().nullish(),
  teamName: z.string().nullish(),
});

export const noteSchema = z.object({
  id: z.string(),
  body: z.string(),
  authorName: z.string().nullish(),
  createdAt: z.string().nullish(),
});
export type Note = z.infer<typeof noteSchema>;

export const customerDetailSchema = customerListItemSchema.extend({
  addresses: z.array(addressSchema).default([]),
  interactions: z.array(interactionSchema).default([]),
  quotes: z.array(quoteSummarySchema).default([]),
  orders: z.array(orderSummarySchema).default([]),
  visits: z.array(visitSummarySchema).default([]),
  notes: z.array(noteSchema).default([]),
  tags: z.array(z.string()).default([]),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const customerQueryKey = (id: string) => ['customers', 'detail', id] as const;

export function getCustomer(id: string, signal?: AbortSignal) {
  return request(`/api/customers/${encodeURIComponent(id)}`, customerDetailSchema, { signal });
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerQueryKey(id), queryFn: ({ signal }) => getCustomer(id, signal) });
}
