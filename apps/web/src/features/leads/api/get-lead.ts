import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { leadListItemSchema } from './list-leads';

export const leadDetailSchema = z.extend(leadListItemSchema, {
  phone: z.nullish(z.string()),
  street: z.nullish(z.string()),
  houseNumber: z.nullish(z.number()),
  houseNumberAddition: z.nullish(z.string()),
  municipality: z.nullish(z.string()),
  province: z.nullish(z.string()),
  productInterest: z.nullish(z.string()),
  partnerReference: z.nullish(z.string()),
  rejectedReason: z.nullish(z.string()),
  scoreReasons: z.array(z.object({ factor: z.string(), points: z.number(), max: z.number(), reason: z.string() })),
  intake: z.nullable(z.object({ sentAt: z.string(), remindersSent: z.number(), completedAt: z.nullable(z.string()), answers: z.nullable(z.record(z.string(), z.unknown())), photos: z.number() })),
  timeline: z.array(z.object({ step: z.string(), summary: z.string(), actorName: z.string(), at: z.string() })),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

export const leadQueryKey = (id: string) => ['leads', 'detail', id];

export function useLead(id: string) {
  return useQuery({ queryKey: leadQueryKey(id), queryFn: ({ signal }) => request(`/api/leads/${encodeURIComponent(id)}`, leadDetailSchema, { signal }) });
}
