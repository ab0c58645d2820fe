import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { request } from '../../../lib/http/http-client';
import { pagedSchema } from '../../../lib/http/paged';

// GET /api/outbox/emails (admin, operations): the demo has no real mail, so ops read the
// stored messages here, e.g. a customer's magic-link mail.
export const outboxEmailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  createdAt: z.string(),
  status: z.string(),
});
export type OutboxEmail = z.infer<typeof outboxEmailSchema>;

// The server may answer with the list envelope of every other list, or a bare array;
// both are read as one page so the screen works either way.
const outboxResponseSchema = z.union([
  pagedSchema(outboxEmailSchema),
  z.pipe(
    z.array(outboxEmailSchema),
    z.transform((items: OutboxEmail[]) => ({ items, total: items.length, page: 1, pageSize: items.length })),
  ),
]);

export type OutboxParams = { page: number; pageSize: number };

export function listOutboxEmails(params: OutboxParams, signal?: AbortSignal) {
  return request('/api/outbox/emails', outboxResponseSchema, { query: params, signal });
}

export function useOutboxEmails(params: OutboxParams) {
  return useQuery({
    queryKey: ['outbox', 'emails', params],
    queryFn: ({ signal }) => listOutboxEmails(params, signal),
    placeholderData: keepPreviousData,
    // New mails arrive while ops wait for a customer's link: keep the list fresh.
    refetchInterval: 15_000,
  });
}
