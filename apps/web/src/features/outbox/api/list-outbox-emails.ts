import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { StoredEmailPage, type StoredEmail } from '@chargecars/contract';
import type { z } from 'zod';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

// GET /api/outbox/emails (admin, operations): the demo has no real mail, so ops read the
// stored messages here, e.g. a customer's magic-link mail.
export type OutboxEmail = z.infer<typeof StoredEmail>;
export const listOutboxEmailsEndpoint = endpoint('GET', '/api/outbox/emails', StoredEmailPage);

export type OutboxParams = { page: number; pageSize: number };

export function listOutboxEmails(params: OutboxParams, signal?: AbortSignal) {
  return request(listOutboxEmailsEndpoint, { query: params, signal });
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
