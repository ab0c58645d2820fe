import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MessageTemplate,
  MessageTemplateCatalog,
  MessageTemplateKey,
  MessageTemplatePreview,
  PreviewMessageTemplateBody,
  Problem,
  ResetMessageTemplateBody,
  SaveMessageTemplateBody,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import { requestLanguage } from '../../platform/errors.ts';
import type { CommunicationsService } from './index.ts';

const OPS = ['admin', 'operations'] as const;
const KEY = '/api/messages/templates/:type/:entityId/:language/:channel';

/** The template editor's API: the list, one template, save, reset to the default, and the live preview. */
export function messageTemplatesRoutes(app: FastifyInstance, comms: CommunicationsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['communications'];
  const { templates } = comms;

  r.get(
    '/api/messages/templates',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'Every message template per type, entity, language and channel, and which are ops’ own',
        response: { 200: MessageTemplateCatalog },
      },
    },
    () => templates.catalog(),
  );

  r.get(
    KEY,
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'One template as it counts now, with its default',
        params: MessageTemplateKey,
        response: { 200: MessageTemplate, 404: Problem },
      },
    },
    (request) => templates.get(request.params),
  );

  r.put(
    KEY,
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'Saves a new version; refused if it uses an unknown variable or leaves out a required one',
        params: MessageTemplateKey,
        body: SaveMessageTemplateBody,
        response: { 200: MessageTemplate, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    (request) => {
      const { version, ...text } = request.body;
      return templates.save(actorOf(request), request.params, text, version);
    },
  );

  r.post(
    `${KEY}/reset`,
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'Back to the default text (kept as a new version)',
        params: MessageTemplateKey,
        body: ResetMessageTemplateBody,
        response: { 200: MessageTemplate, 404: Problem, 409: Problem },
      },
    },
    (request) => templates.reset(actorOf(request), request.params, request.body.version),
  );

  r.post(
    '/api/messages/templates/preview',
    {
      config: { access: OPS },
      schema: {
        tags,
        summary: 'The text being edited, rendered on sample data with the entity’s brand',
        body: PreviewMessageTemplateBody,
        response: { 200: MessageTemplatePreview, 404: Problem },
      },
    },
    (request) => templates.preview(request.body, requestLanguage(request.headers['accept-language'])),
  );
}
