// Screenshots: re-encoded upright with no metadata (the GPS position a phone camera writes is gone),
// refused unless they really are JPEG, PNG or WebP images, and served to moderators as inert images.
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { jpegWithGps, pngImage, reportId, sendReport, startRegistryApp } from '../test-support/registry-client.js';
import { testDatabases } from '../test-support/test-databases.js';
import { sniffImageType } from './registry-screenshots.js';

/** Whether EXIF data holds the pointer to a GPS block (tag 0x8825), in either byte order. */
function hasGpsBlock(exif: Buffer): boolean {
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

const subjects = [{ kind: 'handle' as const, value: '@recruiter_amy' }];

test('image types are told by their first bytes, not by their name', async () => {
  expect(sniffImageType(await jpegWithGps())).toBe('image/jpeg');
  expect(sniffImageType(await pngImage())).toBe('image/png');
  expect(
    sniffImageType(
      await sharp(await pngImage())
        .webp()
        .toBuffer(),
    ),
  ).toBe('image/webp');
  expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeUndefined();
  expect(sniffImageType(Buffer.from('GIF89a'))).toBeUndefined();
});

for (const database of testDatabases()) {
  test(`a screenshot comes back upright with no EXIF, GPS, XMP or ICC data (${database.name})`, async () => {
    const { app, moderator } = await startRegistryApp(database);
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif && hasGpsBlock(before.exif)).toBe(true);
    expect(before.exif?.toString('latin1')).toContain('TestPhone');
    expect([before.width, before.height, before.orientation]).toEqual([40, 20, 6]);

    const id = await reportId(app, {
      subjects,
      screenshots: [{ contentType: 'image/jpeg', data: original.toString('base64') }],
    });
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/registry/reports/${id}/screenshots/0`,
      headers: moderator.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual(
      expect.objectContaining({
        'content-type': 'image/jpeg',
        'content-disposition': 'inline; filename="screenshot-1.jpg"',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'no-store',
      }),
    );
    const after = await sharp(response.rawPayload).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // Turned by its orientation before the orientation was dropped: 40×20 stored sideways is 20×40.
    expect([after.width, after.height]).toEqual([20, 40]);
    expect(response.rawPayload.includes(Buffer.from('TestPhone'))).toBe(false);

    const details = await app.inject({
      method: 'GET',
      url: `/api/v1/registry/reports/${id}`,
      headers: moderator.headers,
    });
    expect(details.json().screenshotCount).toBe(1);
    const missing = await app.inject({
      method: 'GET',
      url: `/api/v1/registry/reports/${id}/screenshots/1`,
      headers: moderator.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  test(`anything but a decodable JPEG, PNG or WebP is refused, naming the screenshot (${database.name})`, async () => {
    const { app } = await startRegistryApp(database);
    const png = (await pngImage()).toString('base64');
    const cases = [
      { contentType: 'image/jpeg', data: png, message: 'is a image/png image, not image/jpeg' },
      {
        contentType: 'image/png',
        data: Buffer.from('<script>alert(1)</script>').toString('base64'),
        message: 'is not a JPEG, PNG or WebP image',
      },
      {
        contentType: 'image/jpeg',
        data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]).toString('base64'),
        message: 'cannot be read as an image',
      },
      { contentType: 'image/png', data: 'not base64!', message: 'is not base64' },
    ];
    for (const { contentType, data, message } of cases) {
      const response = await sendReport(app, { subjects, screenshots: [{ contentType, data }] });
      expect(response.statusCode, message).toBe(400);
      expect(response.json().errors).toEqual([{ field: 'body/screenshots/0/data', message }]);
    }
    const svg = await sendReport(app, { subjects, screenshots: [{ contentType: 'image/svg+xml', data: png }] });
    expect(svg.statusCode).toBe(400);
  });

  test(`an image that decodes to too many pixels is refused before it is decoded (${database.name})`, async () => {
    const { app } = await startRegistryApp(database);
    // A 6000×6000 flat PNG compresses to a few kilobytes but would decode to 36 million pixels.
    const bomb = await sharp({ create: { width: 6000, height: 6000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const response = await sendReport(app, {
      subjects,
      screenshots: [{ contentType: 'image/png', data: bomb.toString('base64') }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'body/screenshots/0/data', message: 'cannot be read as an image' },
    ]);
  });
}
