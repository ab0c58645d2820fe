import { randomUUID } from 'node:crypto';
import { type Cases, as, call, made, ok, row } from './harness.ts';

/** What ops see of the technician app (a visit's result, field cases, phones) and the technician's quality list. */
export const fieldOpsCases: Cases = {
  'GET /api/mobile/cases': async () => {
    // The technician leaves the visit they arrived at partial: a follow-up case for ops.
    const { id } = await row<{ id: string }>(
      "select id from visits where team_id = $1 and status = 'in_progress' order by scheduled_date limit 1",
      [as.technician!.teamId],
    );
    made.caseVisit = id;
    const command = {
      id: randomUUID(),
      deviceId: made.deviceId,
      visitId: id,
      actedAt: new Date().toISOString(),
      baseVersion: '0',
      payload: { kind: 'outcome', outcome: 'partial', reason: 'Meterkast moet eerst worden vervangen' },
    };
    ok(await call(as.technician!, 'POST', '/api/mobile/commands', { deviceId: made.deviceId, commands: [command] }));
    return [
      await call(as.operations!, 'GET', '/api/mobile/cases'),
      await call(as.planner!, 'GET', `/api/mobile/cases?kind=outcome_follow_up&teamId=${as.technician!.teamId}`),
    ];
  },
  'GET /api/visits/:id/execution': async () => [
    await call(as.operations!, 'GET', `/api/visits/${made.caseVisit}/execution`),
    await call(as.planner!, 'GET', `/api/visits/${made.caseVisit}/execution`),
  ],
  'GET /api/mobile/quality': async () => [await call(as.technician!, 'GET', '/api/mobile/quality')],
  'POST /api/mobile/cases/:id/resolve': async () => {
    const { id } = await row<{ id: string }>('select id from field_cases where visit_id = $1 and resolved_at is null', [
      made.caseVisit,
    ]);
    return [await call(as.operations!, 'POST', `/api/mobile/cases/${id}/resolve`, { note: 'Opnieuw ingepland' })];
  },
  'GET /api/mobile/devices': async () => [await call(as.operations!, 'GET', '/api/mobile/devices')],
  'POST /api/mobile/devices/:id/revoke': async () => {
    const spare = ok(await call(as.technician!, 'POST', '/api/mobile/devices', { label: 'reservetelefoon' })) as {
      deviceId: string;
    };
    return [await call(as.operations!, 'POST', `/api/mobile/devices/${spare.deviceId}/revoke`)];
  },
};
