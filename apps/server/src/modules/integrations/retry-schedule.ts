/**
 * Delay before each retry, after the first attempt: the Standard Webhooks schedule stretched so the
 * last attempt falls after 72 hours (about 85 h in all).
 */
export const RETRY_DELAYS_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000,
];

/** When to try again after `attempts` failures, with ±20% jitter so endpoints that came back are not stampeded; null: give up. */
export function nextAttemptDelay(attempts: number, random = Math.random): number | null {
  const base = RETRY_DELAYS_MS[attempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** An endpoint failing this long is disabled and its partner told. */
export const DISABLE_AFTER_FAILING_MS = 5 * 86_400_000;
