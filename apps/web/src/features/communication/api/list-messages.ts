import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MessageLogPage, type MessageLogItem } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';
import type { ListParams } from '../../../lib/http/paged';

export type { MessageLogItem };
export type MessageLogParams = ListParams & {
  direction?: string | undefined;
  channel?: string | undefined;
  status?: string | undefined;
  messageType?: string | undefined;
};

/** GET /api/messages (admin, operations): every message on every channel, newest first. */
export const listMessagesEndpoint = endpoint('GET', '/api/messages', MessageLogPage);

export function useMessages(params: MessageLogParams) {
  const { sort: _sort, ...query } = params;
  return useQuery({
    queryKey: ['messages', 'list', query],
    queryFn: ({ signal }) => request(listMessagesEndpoint, { query, signal }),
    placeholderData: keepPreviousData,
    // Statuses change as the sender and the providers report: keep the log fresh while ops watch it.
    refetchInterval: 10_000,
  });
}
