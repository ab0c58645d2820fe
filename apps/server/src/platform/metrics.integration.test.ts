import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { startMetricsServer } from './metrics.ts';

describe('Prometheus metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows admins the latency per route pattern, database timing, job queues, outbox lag and webhook attempts', async () => {
    const admin = await t.as('admin@chargecars.nl');
    expect((await admin.get('/api/customers?page=1&pageSize=5')).statusCode).toBe(200);
    expect((await admin.get(`/api/customers/${'00000000-0000-4000-8000-000000000000'}`)).statusCode).toBe(404);

    const res = await admin.get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    // The route pattern, not the URL: one series per route however many ids are asked for.
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/customers",status_class="2xx"\} [1-9]/,
    );
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/customers\/:id",status_class="4xx"\} [1-9]/,
    );
    expect(res.body).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(res.body).toMatch(/db_query_duration_seconds_count [1-9]/);
    for (const name of [
      'db_queries_in_flight',
      'job_queue_depth',
      'outbox_lag_seconds',
      'webhook_delivery_attempts_total',
    ]) {
      expect(res.body).toContain(`# TYPE ${name} `);
    }
    expect(res.body).toMatch(/^outbox_lag_seconds \d/m);
  });

  it('refuses anonymous callers and staff other than admins', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const ops = await t.as('ops@chargecars.nl');
    expect((await ops.get('/metrics')).statusCode).toBe(403);
  });

  it('serves the same figures without a login on the separate metrics port', async () => {
    const server = await startMetricsServer(t.built.metrics, 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('# TYPE http_request_duration_seconds histogram');
      expect((await fetch(`http://127.0.0.1:${server.port}/api/customers`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
