import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CommandBatch,
  CommandBatchAnswer,
  DeviceRegistered,
  DeviceRevoked,
  FieldCaseQuery,
  FieldCaseResolved,
  IdParams,
  OpenFieldCase,
  QualityItems,
  ResolveFieldCaseBody,
  PhotoStored,
  Problem,
  RegisterDeviceBody,
  Sha256Params,
  SyncAnswer,
  SyncQuery,
  TechnicianDevice,
  Text,
  VisitResult,
} from '@chargecars/contract';
import { actorOf } from '../../platform/auth/auth.plugin.ts';
import type { MobileService } from './index.ts';
import { PHOTO_MAX_BYTES } from './photos.ts';

const STAFF = ['admin', 'operations', 'planner'] as const;

export function mobileRoutes(app: FastifyInstance, mobile: MobileService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mobile'];
  r.post(
    '/api/mobile/devices',
    {
      config: { access: ['technician'] },
      schema: {
        tags,
        summary: "Register this phone on the technician's first login; its id goes with every sync and command",
        body: RegisterDeviceBody,
        response: { 201: DeviceRegistered, 403: Problem },
      },
    },
    async (request, reply) => reply.status(201).send(await mobile.registerDevice(actorOf(request), request.body.label)),
  );
  r.get(
    '/api/mobile/devices',
    {
      config: { access: [...STAFF] },
      schema: { tags, summary: "Technicians' registered phones", response: { 200: z.array(TechnicianDevice) } },
    },
    () => mobile.listDevices(),
  );
  r.post(
    '/api/mobile/devices/:id/revoke',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary: 'Revoke a phone: its next sync answers 410 and the app wipes its store',
        params: IdParams,
        response: { 200: DeviceRevoked, 404: Problem },
      },
    },
    (request) => mobile.revokeDevice(actorOf(request), request.params.id),
  );
  r.get(
    '/api/mobile/sync',
    {
      config: { access: ['technician'] },
      schema: {
        tags,
        summary: "What changed for the technician's team since the cursor (the outbox's ordered event id)",
        querystring: SyncQuery,
        response: { 200: SyncAnswer, 403: Problem, 404: Problem, 410: Problem },
      },
    },
    (request) => mobile.sync(actorOf(request), request.query),
  );
  r.get(
    '/api/mobile/week',
    {
      config: { access: ['technician'] },
      schema: {
        tags,
        summary:
          "The team's coming week as a first sync answers it, for a phone that has not registered yet (the app's first page)",
        response: { 200: SyncAnswer, 403: Problem },
      },
    },
    (request) => mobile.week(actorOf(request)),
  );
  r.post(
    '/api/mobile/commands',
    {
      config: { access: ['technician'] },
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: 'A batch of commands made offline; each is answered applied, duplicate, conflict or rejected',
        body: CommandBatch,
        response: { 200: CommandBatchAnswer, 403: Problem, 404: Problem, 410: Problem },
      },
    },
    (request) => mobile.applyCommands(actorOf(request), request.body),
  );
  app.register(async (scoped) => {
    // Photos come as their raw bytes; what they are is decided from the bytes, not from the header.
    scoped.addContentTypeParser(
      ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/mobile/photos',
      {
        config: { access: ['technician'] },
        bodyLimit: PHOTO_MAX_BYTES,
        schema: {
          tags,
          summary: 'Upload a photo or signature image (JPEG, PNG, WebP, at most 10 MB), stored under its SHA-256',
          headers: z.object({
            'x-content-sha256': Text.regex(/^[0-9a-f]{64}$/).optional(),
          }),
          response: { 200: PhotoStored, 201: PhotoStored, 413: Problem, 415: Problem, 422: Problem },
        },
      },
      async (request, reply) => {
        const stored = await mobile.storePhoto(
          actorOf(request),
          Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          request.headers['x-content-sha256'],
        );
        return reply.status(stored.created ? 201 : 200).send(stored);
      },
    );
  });
  r.get(
    '/api/mobile/photos/:sha256',
    {
      config: { access: [...STAFF, 'technician'] },
      schema: { tags, summary: 'A stored photo (staff; the technicians of a visit it is on)', params: Sha256Params },
    },
    async (request, reply) => {
      const photo = await mobile.photo(actorOf(request), request.params.sha256);
      return reply
        .type(photo.contentType)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(photo.bytes);
    },
  );
  r.get(
    '/api/visits/:id/execution',
    {
      config: { access: [...STAFF, 'technician'] },
      schema: {
        tags,
        summary:
          'What the team recorded on a visit against its checklist: photos, parts, signature, and the cases it left',
        params: IdParams,
        response: { 200: VisitResult, 404: Problem },
      },
    },
    (request) => mobile.executionView(actorOf(request), request.params.id),
  );
  r.get(
    '/api/visits/:id/installation-report',
    {
      config: { access: [...STAFF, 'technician', 'customer'] },
      schema: { tags, summary: "The completed visit's installation report (PDF)", params: IdParams },
    },
    async (request, reply) =>
      reply.type('application/pdf').send(await mobile.installationReport(actorOf(request), request.params.id)),
  );
  r.get(
    '/api/mobile/cases',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary:
          'Open field cases (lost checklist answers, status clashes, serials installed twice), of one kind or team',
        querystring: FieldCaseQuery,
        response: { 200: z.array(OpenFieldCase) },
      },
    },
    (request) => mobile.openCases(request.query),
  );
  r.post(
    '/api/mobile/cases/:id/resolve',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary: 'Close a field case with what ops decided; it leaves the open list and is audited',
        params: IdParams,
        body: ResolveFieldCaseBody,
        response: { 200: FieldCaseResolved, 404: Problem, 409: Problem },
      },
    },
    (request) => mobile.resolveCase(actorOf(request), request.params.id, request.body.note),
  );
  r.get(
    '/api/mobile/quality',
    {
      config: { access: ['technician'] },
      schema: {
        tags,
        summary: "The technician's quality list: open cases, unfinished visits and failed checkpoints of the team",
        response: { 200: QualityItems, 403: Problem },
      },
    },
    (request) => mobile.qualityItems(actorOf(request)),
  );
}
