import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, webhookHeaders } from './webhook-signing.ts';
import { nextAttemptDelay, RETRY_DELAYS_MS } from './retry-schedule.ts';
import { createSsrfGuard, isPrivateAddress } from './ssrf-guard.ts';

describe('Standard Webhooks signing', () => {
  it("matches the specification's example", () => {
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
  it('makes whsec_ secrets and sends one signature per live secret', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = webhookHeaders([a, b], 'msg_1', 1, '{}');
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(headers['webhook-id']).toBe('msg_1');
  });
});

describe('retry schedule', () => {
  it('keeps trying for more than 72 hours, then gives up', () => {
    const total = RETRY_DELAYS_MS.reduce((s, d) => s + d, 0);
    expect(total).toBeGreaterThan(72 * 3_600_000);
    expect(nextAttemptDelay(RETRY_DELAYS_MS.length + 1)).toBeNull();
  });
  it('grows, with jitter of at most 20%', () => {
    expect(nextAttemptDelay(1, () => 0)).toBe(4_000);
    expect(nextAttemptDelay(1, () => 1)).toBe(6_000);
    expect(nextAttemptDelay(3, () => 0.5)).toBe(RETRY_DELAYS_MS[2]);
  });
});

describe('SSRF guard', () => {
  it('knows private, loopback and link-local addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.0.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '0.0.0.0',
      '::ffff:127.0.0.1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '145.97.0.1', '2a00:1450:4001::1']) expect(isPrivateAddress(a), a).toBe(false);
  });
  it('judges IPv6 forms that carry an IPv4 address by that address, and refuses tunnels that hide it', async () => {
    const embedded = [
      '::127.0.0.1',
      '::7f00:1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::a00:1',
      '::ffff:0:127.0.0.1',
      '::ffff:7f00:1',
      '2002:7f00:1::',
      '2002:c0a8:101::1',
      '64:ff9b:1::808:808',
      '2001:0:4136:e378:8000:63bf:80ff:fffe',
    ];
    for (const a of embedded) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['64:ff9b::8.8.8.8', '2002:808:808::1', '2001:db8:1::1', '2a00:1450:4001::1'])
      expect(isPrivateAddress(a), a).toBe(false);
    for (const host of ['[::127.0.0.1]', '[64:ff9b::127.0.0.1]', '[::ffff:0:127.0.0.1]', '[2002:7f00:1::]']) {
      await expect(createSsrfGuard(new Set()).assertSafe(new URL(`http://${host}:9/x`)), host).rejects.toThrow(
        /intern adres/,
      );
    }
  });
  it('refuses them unless allow-listed', async () => {
    await expect(createSsrfGuard(new Set()).assertSafe(new URL('http://127.0.0.1:9/x'))).rejects.toThrow(
      /intern adres/,
    );
    await expect(
      createSsrfGuard(new Set(['127.0.0.1'])).assertSafe(new URL('http://127.0.0.1:9/x')),
    ).resolves.toBeUndefined();
    await expect(createSsrfGuard(new Set()).assertSafe(new URL('http://localhost:9/x'))).rejects.toThrow(
      /intern adres/,
    );
  });
});
