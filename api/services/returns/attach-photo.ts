import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { newId } from '../../../db/ids.js';
import { returnLines, returnPhotos, returns } from '../../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, recordEvent } from '../events/record-event.js';

/** The bench downsizes camera photos before sending; anything larger is not a bench photo. */
export const maxPhotoBytes = 5 * 1024 * 1024;
const allowedTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

// Magic numbers: the stored bytes must be the image the content type says, not whatever was posted.
function sniff(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (
    String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' &&
    String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/** A photo of a returned item (damage, wrong item) taken with the device camera at the bench. */
export async function attachPhoto(
  db: Database,
  actor: Actor,
  returnId: string,
  input: { contentType: string; bytes: Uint8Array; returnLineId?: string | null | undefined },
  now: Date,
): Promise<{ photoId: string; sizeBytes: number }> {
  if (!allowedTypes.has(input.contentType) || sniff(input.bytes) !== input.contentType)
    throw new AppError('photo_not_an_image', 422, 'A photo must be a JPEG, PNG or WebP image.', {
      expected: [...allowedTypes],
    });
  if (input.bytes.length > maxPhotoBytes)
    throw new AppError('photo_too_large', 413, `A photo may be at most ${maxPhotoBytes} bytes.`);
  const [ret] = await db.select().from(returns).where(eq(returns.id, returnId));
  if (!ret) throw notFound('return_not_found', `Return ${returnId} does not exist.`);
  if (input.returnLineId) {
    const [line] = await db
      .select({ id: returnLines.id })
      .from(returnLines)
      .where(and(eq(returnLines.id, input.returnLineId), eq(returnLines.returnId, returnId)));
    if (!line)
      throw notFound('return_line_not_found', `Return line ${input.returnLineId} is not on this return.`);
  }
  const photoId = newId('rph');
  await db.transaction(async (tx) => {
    await tx.insert(returnPhotos).values({
      id: photoId,
      returnId,
      returnLineId: input.returnLineId ?? null,
      contentType: input.contentType,
      sizeBytes: input.bytes.length,
      bytes: input.bytes,
      createdBy: actor.userId ?? null,
      createdAt: now,
    });
    await recordEvent(
      tx,
      actor,
      {
        type: 'return.photo_added',
        orderId: ret.orderId,
        entityType: 'return',
        entityId: returnId,
        payload: { photoId, sizeBytes: input.bytes.length },
      },
      now,
    );
  });
  return { photoId, sizeBytes: input.bytes.length };
}

export async function getPhoto(db: Database, returnId: string, photoId: string) {
  const [row] = await db
    .select({ contentType: returnPhotos.contentType, bytes: returnPhotos.bytes })
    .from(returnPhotos)
    .where(and(eq(returnPhotos.id, photoId), eq(returnPhotos.returnId, returnId)));
  if (!row) throw notFound('photo_not_found', `Photo ${photoId} does not exist.`);
  return row;
}
