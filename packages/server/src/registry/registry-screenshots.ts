// Screenshots sent with a report: checked by their bytes, not by what the client says they are, then
// decoded and re-encoded by sharp, which turns them upright by their EXIF orientation and writes no
// metadata at all (no EXIF, no GPS position, no XMP, no ICC profile, no comments). Whatever sharp cannot
// decode is refused. A re-encoded image also carries no payload a crafted file may have hidden.
import sharp from 'sharp';
import { type FieldError, invalidFields } from './registry-problems.js';
import type { ScreenshotContentType } from './registry-tables.js';

/** Decoded bytes one screenshot may have. */
export const maxScreenshotBytes = 2 * 1024 * 1024;
/** The most screenshots one report may carry. */
export const maxScreenshots = 3;
/** Base64 characters that many bytes take, the limit in the request schema. */
export const maxScreenshotBase64Length = Math.ceil(maxScreenshotBytes / 3) * 4;
/**
 * The most pixels sharp decodes: a tall phone screenshot is about 3 million; a tiny file declaring a
 * huge image (a decompression bomb) is refused before it is decoded.
 */
export const maxScreenshotPixels = 24_000_000;

export interface ScreenshotUpload {
  readonly contentType: ScreenshotContentType;
  /** Base64. */
  readonly data: string;
}

export interface CleanScreenshot {
  readonly contentType: ScreenshotContentType;
  readonly data: Buffer;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** The type a file's first bytes say it is, or undefined for anything but JPEG, PNG and WebP. */
export function sniffImageType(bytes: Uint8Array): ScreenshotContentType | undefined {
  const startsWith = (signature: readonly number[], offset = 0) =>
    signature.every((byte, index) => bytes[offset + index] === byte);
  if (startsWith([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF <size> WEBP
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

const sharpFormats: Readonly<Record<ScreenshotContentType, string>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/**
 * Checks and re-encodes every screenshot; throws one 400 naming each screenshot at fault.
 *
 * ```ts
 * const [clean] = await cleanScreenshots([{ contentType: 'image/jpeg', data: base64 }]);
 * (await sharp(clean.data).metadata()).exif; // undefined
 * ```
 */
export async function cleanScreenshots(uploads: readonly ScreenshotUpload[]): Promise<CleanScreenshot[]> {
  const errors: FieldError[] = [];
  const cleaned: CleanScreenshot[] = [];
  for (const [index, upload] of uploads.entries()) {
    const field = `body/screenshots/${index}/data`;
    const outcome = await cleanScreenshot(upload);
    if (typeof outcome === 'string') errors.push({ field, message: outcome });
    else cleaned.push(outcome);
  }
  if (errors.length > 0) throw invalidFields(errors);
  return cleaned;
}

/** The clean screenshot, or why it is refused. */
async function cleanScreenshot(upload: ScreenshotUpload): Promise<CleanScreenshot | string> {
  if (!base64Pattern.test(upload.data)) return 'is not base64';
  const bytes = Buffer.from(upload.data, 'base64');
  if (bytes.length === 0) return 'is empty';
  if (bytes.length > maxScreenshotBytes) return `is larger than ${maxScreenshotBytes / 1024 / 1024} MB`;
  const sniffed = sniffImageType(bytes);
  if (sniffed === undefined) return 'is not a JPEG, PNG or WebP image';
  if (sniffed !== upload.contentType) return `is a ${sniffed} image, not ${upload.contentType}`;
  try {
    const options = { limitInputPixels: maxScreenshotPixels, failOn: 'error', pages: 1 } as const;
    const metadata = await sharp(bytes, options).metadata();
    if (metadata.format !== sharpFormats[sniffed]) return 'is not a JPEG, PNG or WebP image';
    // rotate() with no angle turns the image by its EXIF orientation; the output keeps no metadata,
    // since keepMetadata/withMetadata/keepExif are never called.
    const pipeline = sharp(bytes, options).rotate();
    const data = await (sniffed === 'image/jpeg'
      ? pipeline.jpeg({ quality: 85 })
      : sniffed === 'image/png'
        ? pipeline.png()
        : pipeline.webp({ quality: 85 })
    ).toBuffer();
    return { contentType: sniffed, data };
  } catch {
    return 'cannot be read as an image';
  }
}
