import { type Cases, as, call, linkTokenIn, made, ok, row } from './harness.ts';

/** Leads and the customer intake: each endpoint called as the web calls it. */
export const leadsCases: Cases = {
  'POST /api/leads': async () => {
    // Name and email only: the pipeline cannot qualify it, so the customer gets the intake questionnaire.
    const a = await call(as.operations!, 'POST', '/api/leads', {
      name: 'Contract Lead 1',
      email: 'contract-lead-1@example.nl',
    });
    const b = await call(as.operations!, 'POST', '/api/leads', {
      name: 'Contract Lead 2',
      email: 'contract-lead-2@example.nl',
    });
    made.leadA = ok(a).id;
    made.leadB = ok(b).id;
    return [a, b];
  },
  'GET /api/leads': async () =>
    Promise.all(['operations', 'partner'].map((r) => call(as[r]!, 'GET', '/api/leads?page=1&pageSize=50'))),
  'GET /api/leads/:id': async () => [
    await call(as.operations!, 'GET', `/api/leads/${made.leadA}`),
    await call(
      as.operations!,
      'GET',
      `/api/leads/${(await row<{ id: string }>('select id from leads order by received_at limit 1')).id}`,
    ),
  ],
  'GET /api/intake/:token': async () => [
    await call(null, 'GET', `/api/intake/${(made.intake = await linkTokenIn('contract-lead-1@example.nl', 'intake'))}`),
  ],
  'POST /api/intake/:token': async () => [
    await call(null, 'POST', `/api/intake/${made.intake}`, {
      meterCabinetType: 'unknown',
      phases: 'unknown',
      distanceCabinetToParkingMeters: 10,
      parking: 'driveway',
      photos: [],
    }),
  ],
  'POST /api/leads/:id/assign': async () => [
    await call(as.operations!, 'POST', `/api/leads/${made.leadB}/assign`, { entityId: made.entityId }),
  ],
  'POST /api/leads/:id/qualify': async () => [await call(as.operations!, 'POST', `/api/leads/${made.leadA}/qualify`)],
  'POST /api/leads/:id/reject': async () => [
    await call(as.operations!, 'POST', `/api/leads/${made.leadB}/reject`, { reason: 'Geen interesse meer' }),
  ],
};
