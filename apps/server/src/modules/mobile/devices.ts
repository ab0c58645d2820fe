import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { users } from '../../platform/auth/auth.schema.ts';
import { teamNames } from '../../read-models/field-ops.ts';
import { mobileDevices } from './mobile.schema.ts';
import { mobileErrors as e } from './mobile.errors.ts';

export type Device = typeof mobileDevices.$inferSelect;

/** A technician's phone on first login: its id names it in every later sync and command. */
export async function registerDevice(db: DbOrTx, actor: Actor, label: string) {
  if (!actor.teamId) throw e.noTeam();
  const [device] = await db
    .insert(mobileDevices)
    .values({ userId: actor.userId, teamId: actor.teamId, label })
    .returning({ id: mobileDevices.id });
  await recordAudit(db, actor, {
    action: 'mobile_device.registered',
    subjectType: 'mobile_device',
    subjectId: device!.id,
    after: { label, teamId: actor.teamId },
  });
  return { deviceId: device!.id };
}

/**
 * The caller's own device, still allowed to sync. Revoked, or registered while the technician was on
 * another team, it answers 410 so the app wipes what it holds of the old team.
 */
export async function activeDevice(db: DbOrTx, actor: Actor, deviceId: string): Promise<Device> {
  if (!actor.teamId) throw e.noTeam();
  const [device] = await db
    .select()
    .from(mobileDevices)
    .where(and(eq(mobileDevices.id, deviceId), eq(mobileDevices.userId, actor.userId)));
  if (!device) throw e.deviceUnknown();
  if (device.revokedAt || device.teamId !== actor.teamId) throw e.deviceRevoked();
  return device;
}

/** Every registered device, newest first, with the team it was registered for, for ops. */
export async function listDevices(db: DbOrTx) {
  const rows = await db
    .select({
      id: mobileDevices.id,
      userId: mobileDevices.userId,
      userName: users.name,
      teamId: mobileDevices.teamId,
      label: mobileDevices.label,
      registeredAt: mobileDevices.registeredAt,
      lastSyncAt: mobileDevices.lastSyncAt,
      revokedAt: mobileDevices.revokedAt,
    })
    .from(mobileDevices)
    .innerJoin(users, eq(users.id, mobileDevices.userId))
    .orderBy(desc(mobileDevices.registeredAt))
    .limit(500);
  const teams = await teamNames(
    db,
    rows.map((r) => r.teamId),
  );
  return rows.map((r) => ({
    ...r,
    teamName: teams.get(r.teamId) ?? null,
    registeredAt: r.registeredAt.toISOString(),
    lastSyncAt: r.lastSyncAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Ops take a lost or handed-in phone off the team; revoking twice changes nothing. */
export async function revokeDevice(db: DbOrTx, actor: Actor, deviceId: string) {
  const [device] = await db
    .update(mobileDevices)
    .set({ revokedAt: new Date(), revokedBy: actor.userId })
    .where(and(eq(mobileDevices.id, deviceId), isNull(mobileDevices.revokedAt)))
    .returning({ id: mobileDevices.id });
  if (!device) {
    const [exists] = await db
      .select({ id: mobileDevices.id })
      .from(mobileDevices)
      .where(eq(mobileDevices.id, deviceId));
    if (!exists) throw notFound('Apparaat', 'Device');
    return { id: deviceId, revoked: true };
  }
  await recordAudit(db, actor, {
    action: 'mobile_device.revoked',
    subjectType: 'mobile_device',
    subjectId: deviceId,
    after: { revoked: true },
  });
  return { id: deviceId, revoked: true };
}
