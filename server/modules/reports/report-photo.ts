import sharp from 'sharp';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Phones take 12 to 50 megapixel photos; anything far beyond is a decompression bomb, not a photo. */
const PHOTO_MAX_PIXELS = 100_000_000;
/** Stored photos are at most this many pixels on their long side: plenty for a screen or a board paper. */
const STORED_LONG_SIDE = 2000;

export type PhotoType = 'jpeg' | 'png' | 'webp';

/**
 * The type of an image told by its first bytes (its "magic number"), never by its name or by what the
 * browser said it was: JPEG starts FF D8 FF, PNG with its 8-byte signature, WebP as a RIFF file of WEBP.
 */
export function sniffImageType(bytes: Uint8Array): PhotoType | null {
  const starts = (offset: number, ...values: number[]) => values.every((value, index) => bytes[offset + index] === value);
  if (bytes.length >= 3 && starts(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (bytes.length >= 8 && starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (bytes.length >= 12 && starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return null;
}

export type PreparedPhoto = { ok: true; jpeg: Buffer; width: number; height: number } | { ok: false; message: string };

/**
 * Checks a photo by its content and re-encodes it as a JPEG, turned the way the camera meant and no
 * bigger than it needs to be. Re-encoding keeps only the pixels: EXIF (with GPS location, camera and
 * time), XMP, IPTC, ICC and PNG text chunks are all left behind, whatever the file held.
 */
export async function preparePhoto(bytes: Buffer): Promise<PreparedPhoto> {
  if (bytes.length === 0) return { ok: false, message: 'The selected file is empty.' };
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, message: 'The photo must be smaller than 10 MB.' };
  if (!sniffImageType(bytes)) return { ok: false, message: 'The photo must be a JPG, PNG or WebP image.' };
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: STORED_LONG_SIDE, height: STORED_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, jpeg: data, width: info.width, height: info.height };
  } catch {
    // A file that starts like an image but is damaged, truncated or too large in pixels.
    return { ok: false, message: 'We could not read that photo. Try another one, or send it in a different format.' };
  }
}
