import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase } from '../../test/test-database.ts';

let app: FastifyInstance;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await buildApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database,
    logger: false,
  }));
  // What a write meets when the disk is full: the file system's ENOSPC, or PostgreSQL's disk_full.
  app.post('/api/test/write-file', { config: { access: 'public' } }, async () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  });
  app.post('/api/test/write-row', { config: { access: 'public' } }, async () => {
    throw Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' });
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('a full disk', () => {
  it('answers 503 problem+json instead of 500, and /readyz says not ready', async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    for (const url of ['/api/test/write-file', '/api/test/write-row']) {
      const res = await app.inject({ method: 'POST', url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 503, code: 'disk_full' });
    }
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
  });
});
