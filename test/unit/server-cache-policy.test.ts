import { describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, cacheControlFor, isContentHashed } from '../../server/cache-policy';

describe('how long the browser keeps the web build’s files', () => {
  it('keeps the content-hashed files of assets/ and asks again for the page and the rest', () => {
    for (const name of ['/assets/index-CEIHHnca.js', '/assets/Typography-Fv-TMHEp.js', '/assets/import-wrapper-GfQpUWB1.js', '/assets/index-Bx_12a-Z.css']) expect(cacheControlFor(name)).toBe(IMMUTABLE);
    for (const name of ['/', '/index.html', '/favicon.svg', '/assets/logo.svg', '/assets/sub/index-CEIHHnca.js', '/catalog/ong']) expect(cacheControlFor(name)).toBe(REVALIDATE);
    expect(isContentHashed('/assets/index-CEIHHnc.js')).toBe(false);
  });
});
