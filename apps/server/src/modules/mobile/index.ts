import type { MobileCommand } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { applyCommands } from './apply-commands.ts';
import { listDevices, registerDevice, revokeDevice } from './devices.ts';
import { installationReport, photoFor, visitExecutionView } from './field-view.ts';
import { openFieldCases, resolveFieldCase } from './field-cases.ts';
import { teamQualityItems } from './quality-items.ts';
import { storePhoto } from './photos.ts';
import { syncTeamVisits, teamWeek } from './sync-team-visits.ts';

export { mobileRoutes } from './mobile.routes.ts';

/** The technician app's server side: devices, sync, commands, photos, and what ops see of it. */
export function createMobileService(deps: { db: Db; publicUrl: string }) {
  const { db } = deps;
  return {
    registerDevice: async (actor: Actor, label: string) => {
      const { deviceId } = await registerDevice(db, actor, label);
      return { deviceId, firstSync: await syncTeamVisits(db, actor, { deviceId }) };
    },
    week: (actor: Actor) => teamWeek(db, actor),
    listDevices: () => listDevices(db),
    revokeDevice: (actor: Actor, id: string) => revokeDevice(db, actor, id),
    sync: (actor: Actor, query: { deviceId: string; cursor?: string | undefined }) => syncTeamVisits(db, actor, query),
    applyCommands: (actor: Actor, batch: { deviceId: string; commands: MobileCommand[] }) =>
      applyCommands(db, actor, batch, deps.publicUrl),
    storePhoto: (actor: Actor, bytes: Buffer, sha256: string | undefined) => storePhoto(db, actor, bytes, sha256),
    photo: (actor: Actor, sha256: string) => photoFor(db, actor, sha256),
    executionView: (actor: Actor, visitId: string) => visitExecutionView(db, actor, visitId),
    installationReport: (actor: Actor, visitId: string) => installationReport(db, actor, visitId),
    openCases: (filter: Parameters<typeof openFieldCases>[1]) => openFieldCases(db, filter),
    resolveCase: (actor: Actor, caseId: string, note: string) => resolveFieldCase(db, actor, caseId, note),
    qualityItems: (actor: Actor) => teamQualityItems(db, actor),
  };
}
export type MobileService = ReturnType<typeof createMobileService>;
