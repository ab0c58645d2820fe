import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MessageTemplate, MessageTemplateCatalog, MessageTemplatePreview } from '@chargecars/contract';
import { endpoint } from '../../../lib/http/endpoint';
import { request } from '../../../lib/http/http-client';

export type TemplateKey = {
  type: string;
  entityId: string;
  language: 'nl' | 'en';
  channel: 'email' | 'sms' | 'whatsapp';
};

/** GET /api/messages/templates (admin, operations): every template and whether it is ops' own text. */
export const templateCatalogEndpoint = endpoint('GET', '/api/messages/templates', MessageTemplateCatalog);
const KEY_PATH = '/api/messages/templates/:type/:entityId/:language/:channel';
/** GET one template as it counts now, with its default. */
export const messageTemplateEndpoint = endpoint('GET', KEY_PATH, MessageTemplate);
/** PUT a new version; 422 names an unknown or missing variable, 409 if someone saved in between. */
export const saveMessageTemplateEndpoint = endpoint('PUT', KEY_PATH, MessageTemplate);
/** POST back to the default text. */
export const resetMessageTemplateEndpoint = endpoint('POST', `${KEY_PATH}/reset`, MessageTemplate);
/** POST the text being edited: rendered by the server on sample data with the entity's brand. */
export const previewMessageTemplateEndpoint = endpoint(
  'POST',
  '/api/messages/templates/preview',
  MessageTemplatePreview,
);

const catalogKey = ['messages', 'templates'] as const;
const templateKey = (k: TemplateKey) => ['messages', 'templates', k.type, k.entityId, k.language, k.channel] as const;

export function useTemplateCatalog() {
  return useQuery({ queryKey: catalogKey, queryFn: ({ signal }) => request(templateCatalogEndpoint, { signal }) });
}

export function useMessageTemplate(key: TemplateKey | null) {
  return useQuery({
    queryKey: key ? templateKey(key) : ['messages', 'templates', 'none'],
    queryFn: ({ signal }) => request(messageTemplateEndpoint, { params: key!, signal }),
    enabled: key !== null,
  });
}

export function useTemplatePreview(input: (TemplateKey & { subject: string; body: string }) | null) {
  return useQuery({
    queryKey: ['messages', 'templates', 'preview', input],
    queryFn: ({ signal }) => request(previewMessageTemplateEndpoint, { body: input!, signal }),
    enabled: input !== null && input.body.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useSaveMessageTemplate(key: TemplateKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { subject: string; body: string; version: number }) =>
      request(saveMessageTemplateEndpoint, { params: key, body }),
    onSuccess: (data) => {
      queryClient.setQueryData(templateKey(key), data);
      return queryClient.invalidateQueries({ queryKey: catalogKey, exact: true });
    },
  });
}

export function useResetMessageTemplate(key: TemplateKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => request(resetMessageTemplateEndpoint, { params: key, body: { version } }),
    onSuccess: (data) => {
      queryClient.setQueryData(templateKey(key), data);
      return queryClient.invalidateQueries({ queryKey: catalogKey, exact: true });
    },
  });
}
