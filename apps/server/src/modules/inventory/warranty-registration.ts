import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { stockProducts } from '../../read-models/stock-products.ts';
import { stockSerials } from './inventory.schema.ts';

export type InstalledUnit = { sku: string; serialNumber: string; installedOn: string; warrantyUntil: string | null };

/** The manufacturer's answer: its registration reference, or why it will never accept this unit. */
export type RegistrationOutcome = { ok: true; reference: string } | { ok: false; permanent: boolean; reason: string };

/** A manufacturer registration service. The offline default is none: installations stay recorded locally. */
export type WarrantyRegistrar = (unit: InstalledUnit) => Promise<RegistrationOutcome>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers a unit by POSTing it as JSON to the manufacturer's URL. A 2xx answers its `reference`;
 * another 4xx (but 408 and 429) is permanent, the unit will not be accepted as sent; a 5xx, 408, 429,
 * timeout or network error is retried with a doubling pause, and when the attempts are spent it is left
 * for the next run.
 *
 * @example
 * const register = httpWarrantyRegistrar({ url: 'https://warranty.example/api/registrations' });
 * await register({ sku: 'ZAP-GO2-22', serialNumber: 'ZAP123', installedOn: '2026-11-30', warrantyUntil: '2029-11-30' });
 */
export function httpWarrantyRegistrar(opts: {
  url: string;
  attempts?: number;
  firstPauseMs?: number;
  timeoutMs?: number;
}): WarrantyRegistrar {
  const attempts = opts.attempts ?? 3;
  return async (unit) => {
    let reason = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await pause((opts.firstPauseMs ?? 500) * 2 ** (attempt - 2));
      try {
        const res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `${unit.sku}:${unit.serialNumber}` },
          body: JSON.stringify(unit),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
        const body = await res.text();
        if (res.ok) {
          const reference = (JSON.parse(body || '{}') as { reference?: unknown }).reference;
          return { ok: true, reference: typeof reference === 'string' && reference ? reference : 'ok' };
        }
        reason = `HTTP ${res.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
        if (res.status < 500 && res.status !== 408 && res.status !== 429) return { ok: false, permanent: true, reason };
      } catch (err) {
        reason = err instanceof Error ? err.message : String(err);
      }
    }
    return { ok: false, permanent: false, reason };
  };
}

/**
 * Hands installed units that are so far only recorded locally (`warranty_registration = 'local'`, set
 * by the installation) to the manufacturer, oldest first, a batch per run: `registered:<reference>` when
 * accepted, `failed:<reason>` when refused for good (shown in the serial lookup, for ops to correct);
 * a unit whose registration could not get through stays local and is tried again next run.
 */
export async function registerWarranties(db: Db, register: WarrantyRegistrar, limit = 50) {
  const units = await db
    .select({
      productId: stockSerials.productId,
      serialNumber: stockSerials.serialNumber,
      installedOn: stockSerials.installedOn,
      warrantyUntil: stockSerials.warrantyUntil,
    })
    .from(stockSerials)
    .where(and(eq(stockSerials.warrantyRegistration, 'local'), isNotNull(stockSerials.installedOn)))
    .orderBy(asc(stockSerials.installedOn), asc(stockSerials.serialNumber))
    .limit(limit);
  const products = await stockProducts(
    db,
    units.map((u) => u.productId),
  );
  const tally = { registered: 0, failed: 0, retry: 0 };
  for (const u of units) {
    const outcome = await register({
      sku: products.get(u.productId)?.sku ?? '',
      serialNumber: u.serialNumber,
      installedOn: u.installedOn!,
      warrantyUntil: u.warrantyUntil,
    });
    if (!outcome.ok && !outcome.permanent) {
      tally.retry++;
      continue;
    }
    const registration = outcome.ok ? `registered:${outcome.reference}` : `failed:${outcome.reason}`;
    tally[outcome.ok ? 'registered' : 'failed']++;
    // Only a unit still local is changed: a second instance that registered it meanwhile wins.
    await db
      .update(stockSerials)
      .set({ warrantyRegistration: registration.slice(0, 300) })
      .where(
        and(
          eq(stockSerials.productId, u.productId),
          eq(stockSerials.serialNumber, u.serialNumber),
          eq(stockSerials.warrantyRegistration, 'local'),
        ),
      );
  }
  return tally;
}
