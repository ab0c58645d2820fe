import { randomUUID } from 'node:crypto';
import { type Cases, as, built, call, made, ok, row } from './harness.ts';

/** The technician app: its device, sync, photos and commands: each endpoint called as the web calls it. */
export const technicianAppCases: Cases = {
  'POST /api/mobile/devices': async () => {
    const res = await call(as.technician!, 'POST', '/api/mobile/devices', { label: 'web-fetchers' });
    made.deviceId = (ok(res) as { deviceId: string }).deviceId;
    return [res];
  },
  'GET /api/mobile/sync': async () => [await call(as.technician!, 'GET', `/api/mobile/sync?deviceId=${made.deviceId}`)],
  'GET /api/mobile/week': async () => [await call(as.technician!, 'GET', '/api/mobile/week')],
  'POST /api/mobile/photos': async () => [
    await built.app.inject({
      method: 'POST',
      url: '/api/mobile/photos',
      headers: {
        cookie: `cc_session=${as.technician!.cookie}`,
        'x-csrf-token': as.technician!.csrf,
        'content-type': 'image/png',
      },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    }),
  ],
  'POST /api/mobile/commands': async () => {
    const { id } = await row<{ id: string }>(
      "select id from visits where team_id = $1 and status = 'scheduled' order by scheduled_date limit 1",
      [as.technician!.teamId],
    );
    const command = {
      id: randomUUID(),
      deviceId: made.deviceId,
      visitId: id,
      actedAt: new Date().toISOString(),
      baseVersion: '0',
      payload: { kind: 'arrive' },
    };
    return [
      await call(as.technician!, 'POST', '/api/mobile/commands', { deviceId: made.deviceId, commands: [command] }),
    ];
  },
};
