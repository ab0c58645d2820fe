import { embeddedAnswer, hasCsrfToken, isProblem, request } from '../../../lib/http/http-client';
import {
  registerDeviceEndpoint,
  sendCommandsEndpoint,
  syncEndpoint,
  teamWeekEndpoint,
  uploadPhotoEndpoint,
} from '../api/field-endpoints';
import type { CommandPayload, SyncAnswer } from '@chargecars/contract';
import type { z } from 'zod';
import { fieldDb, getMeta, setMeta, wipeFieldStore, type QueuedCommand } from './field-db';

const BATCH = 20;
/** Safari has no Background Sync: the queue drains on `online`, on focus, and on this interval. */
export const DRAIN_INTERVAL_MS = 30_000;

type Listener = (state: SyncState) => void;
export type SyncState = { running: boolean; lastSyncAt: string | null; revoked: boolean; error: string | null };
let state: SyncState = { running: false, lastSyncAt: null, revoked: false, error: null };
const listeners = new Set<Listener>();
const publish = (next: Partial<SyncState>) => {
  state = { ...state, ...next };
  for (const l of listeners) l(state);
};
export function onSyncState(l: Listener) {
  listeners.add(l);
  l(state);
  return () => {
    listeners.delete(l);
  };
}

/** Queues one thing the technician did; it is sent at once when online, else on the next drain. */
export async function enqueue(visitId: string, payload: CommandPayload) {
  const visit = await fieldDb.visits.get(visitId);
  const command: QueuedCommand = {
    id: crypto.randomUUID(),
    visitId,
    actedAt: new Date().toISOString(),
    baseVersion: visit?.version ?? '0',
    payload,
  };
  await fieldDb.outbox.add(command);
  void syncNow();
}

/** Keeps an image (compressed photo or signature) under its SHA-256, to upload in the background. */
export async function keepPhoto(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (!(await fieldDb.photos.get(sha256))) await fieldDb.photos.put({ sha256, blob, uploaded: 0 });
  return sha256;
}

/** This phone's id; a phone without one registers, and keeps the week its registration brings. */
async function deviceId(): Promise<{ device: string; pulled: boolean }> {
  const known = await getMeta<string>('deviceId');
  if (known) return { device: known, pulled: false };
  // A first load's page carries the week: shown at once, while the phone registers.
  const week = embeddedAnswer(teamWeekEndpoint);
  if (week) await keepSync(week, 'whole');
  const label = navigator.userAgent.slice(0, 200) || 'telefoon';
  const { deviceId: id, firstSync } = await request(registerDeviceEndpoint, { body: { label } });
  await keepSync(firstSync, 'whole');
  await setMeta('deviceId', id);
  return { device: id, pulled: true };
}

async function uploadPhotos() {
  const pending = await fieldDb.photos.where('uploaded').equals(0).toArray();
  for (const photo of pending) {
    // Content-addressed: an upload cut halfway is simply sent again; the server keeps one copy.
    await request(uploadPhotoEndpoint, { bytes: photo.blob });
    await fieldDb.photos.update(photo.sha256, { uploaded: 1 });
  }
}

/** Sends the queue in batches; true when anything was sent. */
async function pushCommands(device: string): Promise<boolean> {
  for (let sent = false; ; sent = true) {
    const batch = await fieldDb.outbox.orderBy('seq').limit(BATCH).toArray();
    if (!batch.length) return sent;
    const { answers } = await request(sendCommandsEndpoint, {
      body: {
        deviceId: device,
        commands: batch.map((c) => ({
          id: c.id,
          deviceId: device,
          visitId: c.visitId,
          actedAt: c.actedAt,
          baseVersion: c.baseVersion,
          payload: c.payload,
        })),
      },
    });
    // Every answer ends the command's life here: applied, duplicate and conflict come back with the next
    // pull as the server's state; a refusal is kept to show the technician why.
    await fieldDb.transaction('rw', [fieldDb.outbox, fieldDb.rejections], async () => {
      for (const answer of answers) {
        const command = batch.find((c) => c.id === answer.id);
        if (!command) continue;
        if (answer.result === 'rejected')
          await fieldDb.rejections.put({ id: command.id, visitId: command.visitId, payload: command.payload, answer });
        await fieldDb.outbox.where('id').equals(command.id).delete();
      }
    });
  }
}

async function pull(device: string) {
  const cursor = await getMeta<string>('cursor');
  await keepSync(await request(syncEndpoint, { query: { deviceId: device, cursor } }));
}

/** Keeps a sync's answer; a 'whole' one (no cursor) replaces the visits, as the server holds them for this phone. */
async function keepSync(answer: z.infer<typeof SyncAnswer>, kind: 'changes' | 'whole' = 'changes') {
  await fieldDb.transaction('rw', [fieldDb.visits, fieldDb.vanStock, fieldDb.meta], async () => {
    if (kind === 'whole') await fieldDb.visits.clear();
    await fieldDb.visits.bulkPut(answer.visits);
    await fieldDb.visits.bulkDelete(answer.removed);
    await fieldDb.vanStock.clear();
    await fieldDb.vanStock.bulkPut(answer.vanStock.map((s) => ({ ...s, key: `${s.productId}|${s.lot}` })));
    await setMeta('templates', answer.templates);
    await setMeta('cursor', answer.cursor);
    await setMeta('lastSyncAt', new Date().toISOString());
  });
}

/** Fetches the session (and its CSRF token); false when logged out. Set by the technician portal. */
let refreshSession: () => Promise<boolean> = () => Promise.resolve(true);
export function setSessionRefresher(refresh: () => Promise<boolean>) {
  refreshSession = refresh;
}

let running: Promise<void> | null = null;

/**
 * Photos first (commands name them), then the queue, then what changed on the server, and last the
 * team's quality list (after the pull, so a slow list never holds up the visits). One at a time.
 */
export function syncNow(): Promise<void> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return Promise.resolve();
  running ??= (async () => {
    publish({ running: true, error: null });
    try {
      // After an offline restart the page has no CSRF token yet: the session check brings it. A page the
      // server wrote the session into has one, and a first load on a slow link saves that round trip.
      if (!hasCsrfToken() && !(await refreshSession())) return;
      const { device, pulled } = await deviceId();
      await uploadPhotos();
      const pushed = await pushCommands(device);
      // A new phone's registration brought the week; what its queued commands changed comes with a pull.
      if (!pulled || pushed) await pull(device);
      // Loaded when first needed: its schema stays out of the app's first download (precached like the rest).
      await (await import('./quality-list')).pullQualityList();
      publish({ lastSyncAt: new Date().toISOString() });
    } catch (error) {
      if (isProblem(error) && error.status === 410) {
        await wipeFieldStore();
        publish({ revoked: true });
      } else publish({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      publish({ running: false });
      running = null;
    }
  })();
  return running;
}

/** Starts draining: now, when the network returns, when the app is looked at again, and every 30 s. */
export function startSyncLoop(): () => void {
  const drain = () => void syncNow();
  const onVisible = () => document.visibilityState === 'visible' && drain();
  window.addEventListener('online', drain);
  window.addEventListener('focus', drain);
  document.addEventListener('visibilitychange', onVisible);
  const timer = window.setInterval(drain, DRAIN_INTERVAL_MS);
  // Ask the browser not to clear the store under storage pressure (granted for installed apps).
  void navigator.storage?.persist?.().then((granted) => setMeta('persistent', granted));
  drain();
  return () => {
    window.removeEventListener('online', drain);
    window.removeEventListener('focus', drain);
    document.removeEventListener('visibilitychange', onVisible);
    window.clearInterval(timer);
  };
}
