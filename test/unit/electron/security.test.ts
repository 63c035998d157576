import type { WebContents } from 'electron';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  hardenWebContents,
  isPermissionGranted,
  isSafeExternalUrl,
  isTrustedSender,
  MAX_FILE_BYTES,
  resolveInsideRoot,
  validateOpenRequest,
  validateSaveRequest,
} from '../../../electron/security';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => undefined) } }));
vi.mock('electron', () => electron);

const APP = 'app://subventii';
const DEV = 'http://localhost:5173';

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler;
    }),
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
  };
  return {
    contents: contents as unknown as WebContents,
    open: (url: string) => openHandler?.({ url }),
    /** Emits `name` and reports whether the listener called preventDefault. */
    emit(name: string, url?: string): boolean {
      const preventDefault = vi.fn();
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      listener({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    },
  };
}

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('hardenWebContents: new windows', () => {
  it('denies every window and opens https links in the system browser', () => {
    const page = fakeContents();
    hardenWebContents(page.contents, APP);
    expect(page.open('https://legislatie.just.ro/Public/DetaliiDocument/12345')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://legislatie.just.ro/Public/DetaliiDocument/12345');
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'http://example.com/',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://subventii/index.html',
    'data:text/html,<script>alert(1)</script>',
    'https://user:parola@example.com/',
  ])('denies %s without handing it to the operating system', (url) => {
    const page = fakeContents();
    hardenWebContents(page.contents, APP);
    expect(page.open(url)).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents: navigation', () => {
  it.each(['will-navigate', 'will-redirect'])('%s stays inside the app origin', (event) => {
    const page = fakeContents();
    hardenWebContents(page.contents, APP);
    expect(page.emit(event, 'app://subventii/index.html#/registru')).toBe(false);
    expect(page.emit(event, 'https://evil.example/')).toBe(true);
    expect(page.emit(event, 'app://other/index.html')).toBe(true);
    expect(page.emit(event, 'file:///etc/passwd')).toBe(true);
    expect(page.emit(event, 'javascript:alert(1)')).toBe(true);
    expect(page.emit(event, undefined)).toBe(true);
  });

  it('allows the Vite dev server, and only it, in development', () => {
    const page = fakeContents();
    hardenWebContents(page.contents, DEV);
    expect(page.emit('will-navigate', 'http://localhost:5173/#/catalog')).toBe(false);
    expect(page.emit('will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(page.emit('will-navigate', 'https://localhost:5173/')).toBe(true);
    expect(page.emit('will-navigate', 'app://subventii/')).toBe(true);
  });

  it('refuses every <webview>', () => {
    const page = fakeContents();
    hardenWebContents(page.contents, APP);
    expect(page.emit('will-attach-webview')).toBe(true);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.dasmcluj.ro/', true],
    ['HTTPS://anaf.ro/cui', true],
    ['http://www.dasmcluj.ro/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['mailto:secretariat@dasmcluj.ro', false],
    ['https://user@example.com/', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('isTrustedSender', () => {
  it.each([
    ['app://subventii/', APP, true],
    ['app://subventii/index.html#/setari', APP, true],
    ['app://SUBVENTII/index.html', APP, true],
    ['http://localhost:5173/', DEV, true],
    ['app://subventii.evil.example/', APP, false],
    ['app://evil/', APP, false],
    ['app://subventii@evil/', APP, false],
    ['https://subventii/', APP, false],
    ['http://localhost:5173/', APP, false],
    ['http://127.0.0.1:5173/', DEV, false],
    ['file:///work/main/index.html', APP, false],
    ['about:blank', APP, false],
    ['', APP, false],
    [null, APP, false],
    [undefined, APP, false],
  ])('a frame at %s is trusted by %s: %s', (frameUrl, origin, expected) => {
    expect(isTrustedSender(frameUrl, origin)).toBe(expected);
  });
});

describe('isPermissionGranted', () => {
  it('grants only persistent storage, and only to the app itself', () => {
    expect(isPermissionGranted('persistent-storage', 'app://subventii/', APP)).toBe(true);
    expect(isPermissionGranted('persistent-storage', 'app://subventii', APP)).toBe(true);
    expect(isPermissionGranted('persistent-storage', 'https://evil.example/', APP)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'unknown']) {
      expect(isPermissionGranted(permission, 'app://subventii/', APP)).toBe(false);
    }
  });
});

describe('resolveInsideRoot', () => {
  const root = path.resolve('/srv/subventii/renderer/main_window');

  it('maps "/" to index.html and plain paths into the root', () => {
    expect(resolveInsideRoot(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/assets/index-BRBjYBR_.js')).toBe(path.join(root, 'assets', 'index-BRBjYBR_.js'));
    expect(resolveInsideRoot(root, '/assets/Roboto%20Regular.woff2')).toBe(path.join(root, 'assets', 'Roboto Regular.woff2'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/./index.html',
    '//etc/passwd',
    '/%2fetc/passwd',
    '/C:/Windows/win.ini',
    '/c%3A%5CWindows%5Cwin.ini',
    '/assets\\..\\..\\secret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveInsideRoot(root, urlPath)).toBeNull();
  });
});

describe('validateSaveRequest', () => {
  const valid = {
    suggestedName: 'catalog-ong-2026-11-23.xlsx',
    filters: [{ name: 'Registru Excel', extensions: ['xlsx'] }],
    data: new Uint8Array([80, 75, 3, 4]),
  };

  it('returns a clean copy of a valid request', () => {
    const request = validateSaveRequest({ ...valid, extra: 'dropped', filters: [{ ...valid.filters[0], extra: 1 }] });
    expect(request).toEqual(valid);
    expect(request.data).toBe(valid.data);
  });

  it.each([
    ['not an object', 'catalog.xlsx', /must be an object/],
    ['a folder in the name', { ...valid, suggestedName: '../../AppData/evil.xlsx' }, /plain file name/],
    ['a Windows path', { ...valid, suggestedName: 'C:\\Users\\evil.xlsx' }, /plain file name/],
    ['an empty name', { ...valid, suggestedName: '  ' }, /plain file name/],
    ['a control character', { ...valid, suggestedName: 'a\nb.xlsx' }, /plain file name/],
    ['data as a plain array', { ...valid, data: [80, 75] }, /Uint8Array/],
    ['data as a string', { ...valid, data: 'PK' }, /Uint8Array/],
    ['filters missing', { ...valid, filters: undefined }, /"filters" must be an array/],
    ['an extension with a dot', { ...valid, filters: [{ name: 'Excel', extensions: ['.xlsx'] }] }, /letters and digits/],
    ['a wildcard extension', { ...valid, filters: [{ name: 'Toate', extensions: ['*'] }] }, /letters and digits/],
    ['an extension with a space', { ...valid, filters: [{ name: 'Excel', extensions: ['xl sx'] }] }, /letters and digits/],
    ['no extensions', { ...valid, filters: [{ name: 'Excel', extensions: [] }] }, /1 to 20 extensions/],
    ['a filter without a name', { ...valid, filters: [{ extensions: ['xlsx'] }] }, /name must be a non-empty text/],
    ['too many filters', { ...valid, filters: Array.from({ length: 11 }, () => valid.filters[0]) }, /at most 10 filters/],
  ])('refuses %s', (_case, payload, message) => {
    expect(() => validateSaveRequest(payload)).toThrow(message);
  });

  it('refuses data larger than the limit', () => {
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_FILE_BYTES + 1 });
    expect(() => validateSaveRequest({ ...valid, data: huge })).toThrow(/larger than/);
  });
});

describe('validateOpenRequest', () => {
  it('returns a clean copy of a valid request', () => {
    const filters = [{ name: 'Registre Excel sau CSV', extensions: ['xlsx', 'csv'] }];
    expect(validateOpenRequest({ filters, other: true })).toEqual({ filters });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['filters that are not an array', { filters: 'xlsx' }],
    ['an extension with a path', { filters: [{ name: 'x', extensions: ['../x'] }] }],
  ])('refuses %s', (_case, payload) => {
    expect(() => validateOpenRequest(payload)).toThrow(/open-file/);
  });
});
