import { describe, expect, it } from 'vitest';
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_VISIT, sniffAttachmentType } from '../../../src/monitoring/attachments';

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const pdf = new TextEncoder().encode('%PDF-1.7\n');

describe('visit attachments: JPEG, PNG, PDF by their bytes, 10 MB each, a count per visit', () => {
  it('types by magic bytes', () => {
    expect([sniffAttachmentType(jpeg), sniffAttachmentType(png), sniffAttachmentType(pdf), sniffAttachmentType(new TextEncoder().encode('GIF89a'))]).toEqual(['image/jpeg', 'image/png', 'application/pdf', undefined]);
  });

  it('accepts a photo and a scan; refuses a file whose content is not what its name says', () => {
    expect(checkAttachment({ name: 'sala.JPG', size: 6, bytes: jpeg }, 0)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkAttachment({ name: 'registru.pdf', size: 9, bytes: pdf }, 3)).toEqual({ ok: true, type: 'application/pdf' });
    const renamed = checkAttachment({ name: 'virus.pdf', size: 6, bytes: new TextEncoder().encode('MZ\x90\x00\x03\x00') }, 0);
    expect(renamed.ok || renamed.message).toMatch(/nu este o fotografie JPEG, o imagine PNG sau un document PDF/);
    const wrongName = checkAttachment({ name: 'poza.pdf', size: 9, bytes: png }, 0);
    expect(wrongName.ok || wrongName.message).toMatch(/extensia „\.pdf”, dar conținutul este Imagine PNG/);
  });

  it('10 MB is allowed, one byte more is not; the visit’s count limit; an empty file', () => {
    expect(checkAttachment({ name: 'a.png', size: MAX_ATTACHMENT_BYTES, bytes: png }, 0).ok).toBe(true);
    const big = checkAttachment({ name: 'a.png', size: MAX_ATTACHMENT_BYTES + 1, bytes: png }, 0);
    expect(big.ok || big.message).toMatch(/limita este de 10 MB pe fișier/);
    const many = checkAttachment({ name: 'a.png', size: 9, bytes: png }, MAX_ATTACHMENTS_PER_VISIT);
    expect(many.ok || many.message).toMatch(/are deja 30 de fișiere/);
    expect(checkAttachment({ name: 'a.png', size: 0, bytes: new Uint8Array() }, 0).ok).toBe(false);
  });
});
