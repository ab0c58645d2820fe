import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { SyncAnswer } from '@chargecars/contract';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { addDaysToDate, todayInAmsterdam } from '../../platform/calendar.ts';
import { newestEventId, teamFieldVisits, teamVanStock, visitVersions } from '../../read-models/field-visits.ts';
import { stockProducts } from '../../read-models/stock-products.ts';
import { activeDevice } from './devices.ts';
import { mobileErrors as e } from './mobile.errors.ts';
import { CHECKLIST_TEMPLATES } from './checklist-templates.ts';
import { mobileDevices, mobileDeviceVisits } from './mobile.schema.ts';
import { visitExecutionsOf } from './visit-execution.ts';

/** How far ahead a phone holds its team's visits. */
export const SYNC_DAYS = 7;
/** How exactly a device's last sync is kept for ops. */
export const LAST_SYNC_PRECISION_MS = 60_000;

/**
 * What changed for the caller's team since the cursor: the visits in the window (today and the next six
 * days) that have an event after it or that this device was never sent, tombstones for those it holds
 * that left the window (moved to another team or day, or taken off the plan), and the van's stock and the
 * checklists whole, since they are small. The cursor is the outbox's newest event id when the read began,
 * so an event committed during the read is sent again next time, never missed.
 */
export async function syncTeamVisits(
  db: Db,
  actor: Actor,
  query: { deviceId: string; cursor?: string | undefined },
): Promise<z.infer<typeof SyncAnswer>> {
  return teamWindow(db, await activeDevice(db, actor, query.deviceId), query.cursor);
}

/**
 * The team's week as a first sync answers it, for the technician app's page before its phone has
 * registered (written into the page, so a first load shows the week without waiting for registration).
 * No device holds it yet, so nothing is recorded: the registration's own first sync does that.
 */
export async function teamWeek(db: Db, actor: Actor): Promise<z.infer<typeof SyncAnswer>> {
  if (!actor.teamId) throw e.noTeam();
  return teamWindow(db, null, undefined, actor.teamId);
}

type SyncingDevice = Awaited<ReturnType<typeof activeDevice>>;

async function teamWindow(
  db: Db,
  device: SyncingDevice | null,
  since: string | undefined,
  team?: string,
): Promise<z.infer<typeof SyncAnswer>> {
  // No cursor: a first sync (or after a wipe) gets everything in the window.
  const full = since === undefined;
  const cursor = Number(since ?? 0);
  const teamId = device?.teamId ?? team!;
  const from = todayInAmsterdam();
  const upTo = Math.max(await newestEventId(db), cursor);
  const [inWindow, held] = await Promise.all([
    teamFieldVisits(db, teamId, from, addDaysToDate(from, SYNC_DAYS - 1)),
    device
      ? db
          .select({ visitId: mobileDeviceVisits.visitId })
          .from(mobileDeviceVisits)
          .where(eq(mobileDeviceVisits.deviceId, device.id))
      : Promise.resolve([]),
  ]);
  // A visit's version is its newest event, so it changed since the cursor when its version is past it.
  // Reading the versions of the window's visits (the subject index) instead of every event after the
  // cursor keeps a sync after a long time offline, or a first one, from reading the whole outbox.
  const versions = await visitVersions(
    db,
    inWindow.map((v) => v.id),
  );
  const heldIds = new Set(held.map((h) => h.visitId));
  const windowIds = new Set(inWindow.map((v) => v.id));
  const toSend = inWindow.filter((v) => full || !heldIds.has(v.id) || (versions.get(v.id) ?? 0) > cursor);
  const removed = [...heldIds].filter((id) => !windowIds.has(id));
  const sendIds = toSend.map((v) => v.id);
  const [executions, van] = await Promise.all([visitExecutionsOf(db, sendIds), teamVanStock(db, teamId)]);
  const tracking = await stockProducts(
    db,
    van.map((v) => v.productId),
  );

  const added = sendIds.filter((id) => !heldIds.has(id));
  // Each write is a commit flushed to disk, the dearest part of a sync that sends nothing new; the phone
  // syncs every 30 s, and ops read its last sync to the minute.
  const lastSyncDue = !device?.lastSyncAt || Date.now() - device.lastSyncAt.getTime() >= LAST_SYNC_PRECISION_MS;
  if (device && (removed.length || added.length || lastSyncDue))
    await db.transaction(async (tx) => {
      if (removed.length)
        await tx
          .delete(mobileDeviceVisits)
          .where(and(eq(mobileDeviceVisits.deviceId, device.id), inArray(mobileDeviceVisits.visitId, removed)));
      if (added.length)
        await tx
          .insert(mobileDeviceVisits)
          .values(added.map((visitId) => ({ deviceId: device.id, visitId })))
          .onConflictDoNothing();
      await tx.update(mobileDevices).set({ lastSyncAt: new Date() }).where(eq(mobileDevices.id, device.id));
    });

  return {
    cursor: String(upTo),
    visits: toSend.map((v) => ({
      id: v.id,
      number: v.number,
      version: String(versions.get(v.id) ?? 0),
      type: v.type,
      status: v.status,
      date: v.date,
      block: v.block,
      durationMinutes: v.durationMinutes,
      instructions: v.instructions,
      orderNumber: v.orderNumber,
      customer: { name: v.customerName, phone: v.phone },
      address: {
        street: v.street,
        houseNumber: v.houseNumber,
        houseNumberAddition: v.houseNumberAddition,
        postcode: v.postcode,
        city: v.city,
        lat: v.lat,
        lon: v.lon,
      },
      lines: v.lines,
      execution: executions.get(v.id)!,
    })),
    removed,
    vanStock: van.map((s) => ({
      productId: s.productId,
      sku: s.sku,
      name: s.name,
      nameEn: s.nameEn,
      tracking: tracking.get(s.productId)?.tracking ?? 'none',
      lot: s.lot,
      onHand: s.onHand,
    })),
    templates: CHECKLIST_TEMPLATES,
  };
}
