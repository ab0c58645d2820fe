import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { outboxEvents } from '../../platform/events/events.schema.ts';

let t: TestApp;
let ops: Awaited<ReturnType<TestApp['as']>>;

beforeAll(async () => {
  t = await createTestApp();
  ops = await t.as('ops@chargecars.nl');
});
afterAll(() => t.close());

describe('order stages and timeline', () => {
  it('moves forward, pauses with a reason, resumes where it was, and records each step', async () => {
    const id = t.fixtures.o2.id;
    expect((await ops.post(`/api/orders/${id}/stage`, { stage: 'completed' })).json().code).toBe('stage_not_allowed');
    expect((await ops.post(`/api/orders/${id}/stage`, { stage: 'materials' })).json()).toMatchObject({
      stage: 'materials',
      progress: 20,
    });
    const noReason = await ops.post(`/api/orders/${id}/stage`, { stage: 'on_hold' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('reason');
    expect(
      (await ops.post(`/api/orders/${id}/stage`, { stage: 'on_hold', reason: 'Wacht op netbeheerder' })).statusCode,
    ).toBe(200);
    expect((await ops.post(`/api/orders/${id}/stage`, { stage: 'scheduled' })).json().code).toBe('stage_not_allowed');
    expect((await ops.post(`/api/orders/${id}/stage`, { stage: 'materials' })).statusCode).toBe(200);
    // Resumed, the order catches up with its facts: its visit is planned, so it is scheduled.
    const timeline = (await ops.get(`/api/orders/${id}/timeline`)).json();
    expect(timeline.map((e: { toStage: string }) => e.toStage)).toEqual([
      'materials',
      'on_hold',
      'materials',
      'scheduled',
    ]);
    expect(timeline[1]).toMatchObject({ reason: 'Wacht op netbeheerder', actorName: 'Otto Operations' });
    const order = (await ops.get(`/api/orders/${id}`)).json();
    expect(order).toMatchObject({ stage: 'scheduled', progress: 35, stageReason: null });
  });

  it('tells staff where an order may go next, and nobody else', async () => {
    const order = (await ops.get(`/api/orders/${t.fixtures.o2.id}`)).json();
    expect(order.nextStages).toEqual(expect.arrayContaining(['on_hold', 'cancelled']));
    expect(order.nextStages).not.toContain('closed');
    const bravo = await t.as('partner-b@bravo.example.nl');
    expect((await bravo.get(`/api/orders/${t.fixtures.o2.id}`)).json().nextStages).toEqual([]);
  });

  it('reports completion as its own event, for partners subscribed to order.completed', async () => {
    const id = t.fixtures.o1.id;
    const tech1 = await t.as('tech1@chargecars.nl');
    const completedEvents = () =>
      t.database.db
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.type, 'order.completed'), eq(outboxEvents.subjectId, id)));
    // By hand only when the facts are there: its one visit is planned, not started.
    expect((await ops.post(`/api/orders/${id}/stage`, { stage: 'in_progress' })).json().code).toBe(
      'stage_precondition',
    );
    expect((await tech1.post(`/api/visits/${t.fixtures.v1.id}/start`)).statusCode).toBe(200);
    expect((await ops.get(`/api/orders/${id}`)).json().stage).toBe('in_progress');
    expect(await completedEvents()).toHaveLength(0);
    expect((await tech1.post(`/api/visits/${t.fixtures.v1.id}/complete`)).statusCode).toBe(200);
    const [event] = await completedEvents();
    expect(event?.audience).toMatchObject({ partnerId: t.fixtures.partnerA.id });
  });

  it("a partner reads its own order's timeline only and cannot move stages", async () => {
    const alfa = await t.as('partner-a@alfa.example.nl');
    expect((await alfa.get(`/api/orders/${t.fixtures.o1.id}/timeline`)).statusCode).toBe(200);
    expect((await alfa.get(`/api/orders/${t.fixtures.o2.id}/timeline`)).statusCode).toBe(404);
    expect((await alfa.post(`/api/orders/${t.fixtures.o1.id}/stage`, { stage: 'in_progress' })).statusCode).toBe(403);
  });
});
