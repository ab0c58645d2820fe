import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { mobilePhotos } from './mobile.schema.ts';
import { mobileErrors as e } from './mobile.errors.ts';

/** A compressed phone photo is a few hundred KB; 10 MB leaves room for an uncompressed one, not for a video. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The image type the bytes say they are (their magic numbers), whatever the request claimed. */
export function imageType(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/**
 * Stores a photo under its SHA-256. The same bytes again (a retried or resumed upload) change nothing;
 * a hash the client computed that does not match what arrived means the upload was cut: send again.
 */
export async function storePhoto(db: DbOrTx, actor: Actor, bytes: Buffer, claimedSha256: string | undefined) {
  const contentType = imageType(bytes);
  if (!contentType) throw e.notAnImage();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (claimedSha256 && claimedSha256 !== sha256) throw e.photoHashMismatch();
  const inserted = await db
    .insert(mobilePhotos)
    .values({ sha256, contentType, bytes, size: bytes.length, uploadedBy: actor.userId })
    .onConflictDoNothing()
    .returning({ sha256: mobilePhotos.sha256 });
  return { sha256, bytes: bytes.length, created: inserted.length > 0 };
}

export async function photoBytes(db: DbOrTx, sha256: string) {
  const [row] = await db
    .select({ contentType: mobilePhotos.contentType, bytes: mobilePhotos.bytes })
    .from(mobilePhotos)
    .where(eq(mobilePhotos.sha256, sha256));
  if (!row) throw notFound('Foto', 'Photo');
  return row;
}
