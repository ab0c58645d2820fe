import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** Recognisable in logs and by secret scanners. */
export const API_KEY_PREFIX = 'ccak_';
const BODY_LENGTH = 43; // 32 random bytes in base64url
const KEY_RE = /^ccak_([A-Za-z0-9_-]{43})([0-9a-f]{8})$/;

const checksumOf = (body: string) => crc32(`${API_KEY_PREFIX}${body}`).toString(16).padStart(8, '0');

/**
 * A new API key: prefix, 32 random bytes, and a CRC32 checksum so a mistyped or truncated key is
 * refused without a database lookup.
 *
 * @example
 * newApiKey(); // 'ccak_Q2x…(43)…9f3a01bc'
 */
export function newApiKey(): string {
  const body = randomBytes(32).toString('base64url');
  return `${API_KEY_PREFIX}${body}${checksumOf(body)}`;
}

/** True when the key has our shape and its checksum matches. */
export function isWellFormedApiKey(key: string): boolean {
  const m = KEY_RE.exec(key);
  return !!m && m[1]!.length === BODY_LENGTH && checksumOf(m[1]!) === m[2];
}

/** Only this is stored: a leaked table grants no access. */
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The part shown in lists so a person can tell keys apart. */
export const displayPrefix = (key: string) => key.slice(0, API_KEY_PREFIX.length + 8);
