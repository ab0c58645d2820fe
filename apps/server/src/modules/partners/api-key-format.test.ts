import { describe, expect, it } from 'vitest';
import { API_KEY_PREFIX, displayPrefix, hashApiKey, isWellFormedApiKey, newApiKey } from './api-key-format.ts';

describe('API key format', () => {
  it('has a prefix, 32 random bytes and a checksum', () => {
    const key = newApiKey();
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(key).toHaveLength(API_KEY_PREFIX.length + 43 + 8);
    expect(isWellFormedApiKey(key)).toBe(true);
    expect(newApiKey()).not.toBe(key);
  });
  it('refuses a key with one character changed or cut short, without a lookup', () => {
    const key = newApiKey();
    const flipped = key.slice(0, 10) + (key[10] === 'a' ? 'b' : 'a') + key.slice(11);
    expect(isWellFormedApiKey(flipped)).toBe(false);
    expect(isWellFormedApiKey(key.slice(0, -1))).toBe(false);
    expect(isWellFormedApiKey('Bearer nonsense')).toBe(false);
  });
  it('stores only a hash and shows only a prefix', () => {
    const key = newApiKey();
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(displayPrefix(key)).toHaveLength(13);
  });
});
