import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, developmentContentSecurityPolicy } from '../../../electron/csp';
import type * as MainModuleNamespace from '../../../electron/main';

type Listener = (...args: unknown[]) => unknown;

const mocks = vi.hoisted(() => {
  class FakeBrowserWindow {
    static instances: FakeBrowserWindow[] = [];
    static fromWebContents = vi.fn((): FakeBrowserWindow | null => null);
    static getAllWindows = vi.fn(() => FakeBrowserWindow.instances);
    static getFocusedWindow = vi.fn((): FakeBrowserWindow | null => null);
    readonly webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly once = vi.fn();
    readonly on = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => true);
    readonly isDestroyed = vi.fn(() => false);
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.instances.push(this);
    }
  }
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  return {
    userData: { path: '/nonexistent-user-data' },
    net: { fetch: vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ service: 'subventii-ong', schemaVersion: 5 }), { status: 200 })) },
    squirrel: { started: false },
    FakeBrowserWindow,
    appListeners,
    app: {
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      enableSandbox: vi.fn(),
      isReady: vi.fn(() => true),
      getVersion: vi.fn(() => '0.1.0'),
      getPath: vi.fn((_name: string) => mocks.userData.path),
      whenReady: vi.fn(() => Promise.resolve()),
      on: vi.fn((name: string, listener: (...args: unknown[]) => unknown) => {
        appListeners.set(name, listener);
      }),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    ipcMain: { handle: vi.fn() },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })), showMessageBoxSync: vi.fn(() => 1), showErrorBox: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
});

vi.mock('electron', () => ({
  app: mocks.app,
  BrowserWindow: mocks.FakeBrowserWindow,
  dialog: mocks.dialog,
  ipcMain: mocks.ipcMain,
  Menu: mocks.Menu,
  net: mocks.net,
  protocol: mocks.protocol,
  session: mocks.session,
  shell: mocks.shell,
}));
vi.mock('electron-squirrel-startup', () => ({
  get default() {
    return mocks.squirrel.started;
  },
}));

type MainModule = typeof MainModuleNamespace;

interface BootOptions {
  devServerUrl?: string;
  squirrel?: boolean;
  lock?: boolean;
}

/**
 * Loads electron/main.ts afresh (which starts the app against the mocks) and waits for it to settle.
 * Vitest clears mock calls before every test (clearMocks), so tests that inspect calls boot in beforeEach.
 */
async function boot({ devServerUrl, squirrel = false, lock = true }: BootOptions = {}): Promise<MainModule> {
  vi.resetModules();
  vi.clearAllMocks();
  mocks.FakeBrowserWindow.instances.length = 0;
  mocks.appListeners.clear();
  mocks.squirrel.started = squirrel;
  mocks.app.requestSingleInstanceLock.mockReturnValue(lock);
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
  if (devServerUrl) vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', devServerUrl);
  const main = await import('../../../electron/main');
  if (!squirrel && lock) await vi.waitFor(() => expect(mocks.FakeBrowserWindow.instances).toHaveLength(1));
  return main;
}

function ipcHandler(channel: string): Listener {
  const call = mocks.ipcMain.handle.mock.calls.find(([name]) => name === channel) as [string, Listener] | undefined;
  if (!call) throw new Error(`no IPC handler for ${channel}`);
  return call[1];
}

const fromApp = { senderFrame: { url: 'app://subventii/index.html#/catalog' }, sender: {} };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' }, sender: {} };
const getRequest = (url: string, method = 'GET') => ({ url, method }) as Request;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('windowOptions', () => {
  let main: MainModule;
  beforeAll(async () => {
    main = await boot();
  });

  it('isolates and sandboxes the renderer, without Node.js', () => {
    const { webPreferences } = main.windowOptions('/app/.vite/build/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/.vite/build/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows DevTools only in development', () => {
    expect(main.windowOptions('p').webPreferences?.devTools).toBe(false);
    expect(main.windowOptions('p', true).webPreferences?.devTools).toBe(true);
  });

  it('is titled "Subvenții ONG" and never smaller than 1100 × 700', () => {
    const options = main.windowOptions('p');
    expect(options.title).toBe('Subvenții ONG');
    expect(options.minWidth).toBeGreaterThanOrEqual(1100);
    expect(options.minHeight).toBeGreaterThanOrEqual(700);
  });
});

describe('createAppProtocolHandler', () => {
  const root = path.resolve('/srv/subventii/renderer/main_window');
  const files = new Map<string, string>([
    [path.join(root, 'index.html'), '<!doctype html>'],
    [path.join(root, 'assets', 'index-abc.js'), 'export {}'],
    [path.join(root, 'assets', 'import.worker-def.js'), 'self.onmessage = () => {}'],
  ]);
  const readFileMock = vi.fn(async (file: string) => {
    const text = files.get(file);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
  });
  let main: MainModule;
  beforeAll(async () => {
    main = await boot();
  });

  it('serves index.html at app://subventii/ with the CSP header', async () => {
    const response = await main.createAppProtocolHandler(root, readFileMock)(getRequest('app://subventii/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves scripts and module workers as JavaScript', async () => {
    const handler = main.createAppProtocolHandler(root, readFileMock);
    for (const url of ['app://subventii/assets/index-abc.js', 'app://subventii/assets/import.worker-def.js']) {
      const response = await handler(getRequest(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    }
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'])('refuses %s with 405, reading nothing', async (method) => {
    readFileMock.mockClear();
    const response = await main.createAppProtocolHandler(root, readFileMock)(getRequest('app://subventii/index.html', method));
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(readFileMock).not.toHaveBeenCalled();
  });

  it.each([
    'app://subventii/..%2f..%2f..%2fetc%2fpasswd',
    'app://subventii/assets%2f..%2f..%2fsecret.txt',
    'app://subventii/%2fetc/passwd',
    'app://subventii/assets%5c..%5c..%5csecret.txt',
    'app://subventii/C:/Windows/win.ini',
  ])('refuses %s, outside the renderer folder, with 403', async (url) => {
    readFileMock.mockClear();
    const response = await main.createAppProtocolHandler(root, readFileMock)(getRequest(url));
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(readFileMock).not.toHaveBeenCalled();
  });

  it('keeps URL-normalised ".." segments inside the root', async () => {
    readFileMock.mockClear();
    const response = await main.createAppProtocolHandler(root, readFileMock)(getRequest('app://subventii/../../../index.html'));
    expect(response.status).toBe(200);
    expect(readFileMock).toHaveBeenCalledWith(path.join(root, 'index.html'));
  });

  it('answers 404 for missing files and for other hosts', async () => {
    const handler = main.createAppProtocolHandler(root, readFileMock);
    expect((await handler(getRequest('app://subventii/nu-exista.js'))).status).toBe(404);
    expect((await handler(getRequest('app://altceva/index.html'))).status).toBe(404);
  });

  it('serves index.html without the build\'s meta policy: the header alone, which may name the shared server', async () => {
    const html = '<!doctype html><head><meta charset="UTF-8" />\n<meta http-equiv="Content-Security-Policy" content="default-src \'self\'" />\n<title>Subvenții ONG</title></head>';
    const read = vi.fn(async () => new TextEncoder().encode(html) as Uint8Array<ArrayBuffer>);
    const response = await main.createAppProtocolHandler(root, read, () => 'connect-src https://s.example.ro')(getRequest('app://subventii/'));
    expect(await response.text()).toBe('<!doctype html><head><meta charset="UTF-8" />\n<title>Subvenții ONG</title></head>');
    expect(response.headers.get('Content-Security-Policy')).toBe('connect-src https://s.example.ro');
  });

  it('uses the policy it is given (the development one under electron-forge start)', async () => {
    const policy = developmentContentSecurityPolicy('http://localhost:5173');
    const response = await main.createAppProtocolHandler(root, readFileMock, policy)(getRequest('app://subventii/'));
    expect(response.headers.get('Content-Security-Policy')).toBe(policy);
  });
});

describe('start-up in production', () => {
  let window: InstanceType<typeof mocks.FakeBrowserWindow>;
  beforeEach(async () => {
    await boot();
    window = mocks.FakeBrowserWindow.instances[0]!;
  });

  it('registers app:// as a standard, secure, fetch-capable scheme before the app is ready', () => {
    expect(mocks.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    const registered = mocks.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    expect(registered).toBeLessThan(mocks.app.whenReady.mock.invocationCallOrder[0]!);
    expect(mocks.app.enableSandbox).toHaveBeenCalled();
  });

  it('serves the renderer through app:// and loads app://subventii/', () => {
    expect(mocks.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(window.loadURL).toHaveBeenCalledWith('app://subventii/');
  });

  it('creates the window with the preload script next to main.cjs and the hardened options', () => {
    expect(window.options).toMatchObject({
      webPreferences: { contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true, devTools: false },
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
  });

  it('hardens every web contents Electron creates', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    mocks.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
  });

  it('sends the strict CSP header on every response', () => {
    const [listener] = mocks.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0] as [Listener];
    const callback = vi.fn();
    listener({ responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('denies permission requests except persistent storage for the app itself', () => {
    const [request] = mocks.session.defaultSession.setPermissionRequestHandler.mock.calls[0] as [Listener];
    const contents = { getURL: () => 'app://subventii/' };
    const answer = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      request(contents, permission, callback, { requestingUrl, isMainFrame: true });
      return callback.mock.calls[0]?.[0];
    };
    expect(answer('media', 'app://subventii/')).toBe(false);
    expect(answer('notifications', 'app://subventii/')).toBe(false);
    expect(answer('geolocation', 'app://subventii/')).toBe(false);
    expect(answer('persistent-storage', 'app://subventii/')).toBe(true);
    expect(answer('persistent-storage', 'https://evil.example/')).toBe(false);

    const [check] = mocks.session.defaultSession.setPermissionCheckHandler.mock.calls[0] as [Listener];
    expect(check(contents, 'media', 'app://subventii')).toBe(false);
    expect(check(contents, 'persistent-storage', 'app://subventii')).toBe(true);
  });

  it('sets the Romanian application menu without DevTools', () => {
    expect(mocks.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const [template] = mocks.Menu.buildFromTemplate.mock.calls[0] as [Array<{ label?: string; submenu?: Array<{ role?: string }> }>];
    expect(template.map((item) => item.label)).toContain('Fișier');
    expect(template.flatMap((item) => item.submenu ?? []).map((item) => item.role)).not.toContain('toggleDevTools');
  });

  it('focuses the existing window when a second instance starts', () => {
    mocks.appListeners.get('second-instance')?.({}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

describe('start-up in development', () => {
  beforeEach(async () => {
    await boot({ devServerUrl: 'http://localhost:5173' });
  });

  it('loads the Vite dev server instead of app://', () => {
    expect(mocks.FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(mocks.protocol.handle).not.toHaveBeenCalled();
  });

  it('relaxes the CSP header only as the dev server needs', () => {
    const [listener] = mocks.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0] as [Listener];
    const callback = vi.fn();
    listener({ responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [developmentContentSecurityPolicy('http://localhost:5173')] },
    });
  });

  it('answers IPC from the dev server origin', async () => {
    expect(ipcHandler('app-version')({ senderFrame: { url: 'http://localhost:5173/#/catalog' } })).toBe('0.1.0');
    expect(() => ipcHandler('app-version')(fromApp)).toThrow(/refused/);
  });
});

describe('start-up guards', () => {
  it('quits without a window when another instance already runs', async () => {
    await boot({ lock: false });
    expect(mocks.app.quit).toHaveBeenCalled();
    expect(mocks.app.whenReady).not.toHaveBeenCalled();
    expect(mocks.ipcMain.handle).not.toHaveBeenCalled();
    expect(mocks.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('only handles the Squirrel install event and quits when started by the installer', async () => {
    await boot({ squirrel: true });
    expect(mocks.app.quit).toHaveBeenCalled();
    expect(mocks.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(mocks.FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('IPC handlers', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'subventii-ipc-'));
  });
  let main: MainModule;
  beforeEach(async () => {
    main = await boot();
  });
  afterAll(async () => {
    mocks.userData.path = '/nonexistent-user-data';
    await rm(folder, { recursive: true, force: true });
  });
  afterEach(() => {
    mocks.dialog.showSaveDialog.mockReset();
    mocks.dialog.showOpenDialog.mockReset();
    mocks.FakeBrowserWindow.fromWebContents.mockReset();
    mocks.FakeBrowserWindow.fromWebContents.mockReturnValue(null);
  });

  const call = (channel: string, event: unknown, payload?: unknown) => Promise.resolve().then(() => ipcHandler(channel)(event, payload));
  const saveRequest = {
    suggestedName: 'catalog-ong-2026-11-23.xlsx',
    filters: [{ name: 'Registru Excel', extensions: ['xlsx'] }],
    data: new Uint8Array([80, 75, 3, 4]),
  };

  it('registers exactly the channels of the API', () => {
    expect(mocks.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(['app-version', 'check-server', 'open-file', 'save-file', 'set-server']);
  });

  it('set-server keeps the shared server in the user data folder and adds its origin to the CSP; null forgets it', async () => {
    mocks.userData.path = folder;
    const [onHeaders] = mocks.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0] as [Listener];
    const policy = () => {
      const callback = vi.fn();
      onHeaders({ responseHeaders: {} }, callback);
      return (callback.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> }).responseHeaders['Content-Security-Policy']![0]!;
    };
    await call('set-server', fromApp, 'https://subventii.primaria.ro:8443/');
    expect(JSON.parse(await readFile(path.join(folder, 'shared-server.json'), 'utf8'))).toEqual({ serverUrl: 'https://subventii.primaria.ro:8443' });
    expect(policy()).toContain("connect-src 'self' blob: data: https://subventii.primaria.ro:8443;");
    await expect(main.readServerSetting(path.join(folder, 'shared-server.json'))).resolves.toBe('https://subventii.primaria.ro:8443');
    await call('set-server', fromApp, null);
    await expect(readFile(path.join(folder, 'shared-server.json'))).rejects.toThrow(/ENOENT/);
    expect(policy()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('set-server refuses what is not a server address, changing nothing', async () => {
    mocks.userData.path = folder;
    await expect(call('set-server', fromApp, 'http://10.0.0.5:8080')).rejects.toThrow(/folosiți https:\/\//);
    await expect(call('set-server', fromApp, { url: 'x' })).rejects.toThrow(/string or null/);
    await expect(call('set-server', fromElsewhere, 'https://evil.example')).rejects.toThrow(/refused a request/);
    await expect(readFile(path.join(folder, 'shared-server.json'))).rejects.toThrow(/ENOENT/);
  });

  it('check-server asks the address through Chromium\'s network stack, after checking it', async () => {
    await expect(call('check-server', fromApp, 'https://subventii.primaria.ro:8443')).resolves.toEqual({ ok: true, schemaVersion: 5 });
    expect(mocks.net.fetch).toHaveBeenCalledWith('https://subventii.primaria.ro:8443/api/status', expect.anything());
    mocks.net.fetch.mockClear();
    await expect(call('check-server', fromApp, 'ftp://x')).resolves.toMatchObject({ ok: false, message: 'Adresa serverului trebuie să înceapă cu https://.' });
    expect(mocks.net.fetch).not.toHaveBeenCalled();
  });

  it('app-version answers the app version', async () => {
    await expect(call('app-version', fromApp)).resolves.toBe('0.1.0');
  });

  it.each(['app-version', 'save-file', 'open-file'])('%s refuses frames that are not the app', async (channel) => {
    await expect(call(channel, fromElsewhere, saveRequest)).rejects.toThrow(/refused a request from "https:\/\/evil\.example\/"/);
    await expect(call(channel, { senderFrame: null, sender: {} }, saveRequest)).rejects.toThrow(/unknown frame/);
    expect(mocks.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(mocks.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('save-file asks where to save, attached to the window, then writes the bytes there', async () => {
    const owner = new mocks.FakeBrowserWindow({});
    mocks.FakeBrowserWindow.fromWebContents.mockReturnValue(owner);
    const target = path.join(folder, 'catalog.xlsx');
    mocks.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(call('save-file', fromApp, saveRequest)).resolves.toEqual({ saved: true, path: target });
    expect(mocks.dialog.showSaveDialog).toHaveBeenCalledWith(owner, {
      defaultPath: 'catalog-ong-2026-11-23.xlsx',
      filters: [{ name: 'Registru Excel', extensions: ['xlsx'] }],
    });
    expect([...(await readFile(target))]).toEqual([80, 75, 3, 4]);
  });

  it('save-file writes nothing when the user cancels', async () => {
    mocks.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(call('save-file', fromApp, saveRequest)).resolves.toEqual({ saved: false });
  });

  it('save-file refuses an invalid payload before showing any dialog', async () => {
    const bad = { ...saveRequest, filters: [{ name: 'Excel', extensions: ['.xlsx'] }] };
    await expect(call('save-file', fromApp, bad)).rejects.toThrow(/letters and digits/);
    await expect(call('save-file', fromApp, { ...saveRequest, suggestedName: '..\\..\\evil.xlsx' })).rejects.toThrow(/plain file name/);
    expect(mocks.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('open-file reads the chosen file and returns its name and bytes', async () => {
    const source = path.join(folder, 'registru.csv');
    await writeFile(source, 'CUI;Denumire\n');
    mocks.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [source] });
    const filters = [{ name: 'Registre Excel sau CSV', extensions: ['xlsx', 'csv'] }];
    const opened = (await call('open-file', fromApp, { filters })) as { name: string; data: Uint8Array };
    expect(mocks.dialog.showOpenDialog).toHaveBeenCalledWith({ properties: ['openFile'], filters });
    expect(opened.name).toBe('registru.csv');
    expect(opened.data).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(opened.data)).toBe('CUI;Denumire\n');
  });

  it('open-file resolves to null when the user cancels', async () => {
    mocks.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(call('open-file', fromApp, { filters: [] })).resolves.toBeNull();
  });

  it('open-file refuses an invalid payload before showing any dialog', async () => {
    await expect(call('open-file', fromApp, { filters: [{ name: 'x', extensions: ['x/y'] }] })).rejects.toThrow(/letters and digits/);
    await expect(call('open-file', fromApp, undefined)).rejects.toThrow(/must be an object/);
    expect(mocks.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('closing with unsaved changes', () => {
  beforeEach(async () => {
    await boot();
  });

  function unloadListener(): Listener {
    const window = mocks.FakeBrowserWindow.instances[0]!;
    const call = window.webContents.on.mock.calls.find(([name]) => name === 'will-prevent-unload') as [string, Listener] | undefined;
    if (!call) throw new Error('no will-prevent-unload listener');
    return call[1];
  }

  it('asks before closing and keeps the window when the user stays', () => {
    const event = { preventDefault: vi.fn() };
    mocks.dialog.showMessageBoxSync.mockReturnValue(1);
    unloadListener()(event);
    expect(mocks.dialog.showMessageBoxSync).toHaveBeenCalledWith(mocks.FakeBrowserWindow.instances[0], expect.objectContaining({ title: 'Modificări nesalvate' }));
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('lets the window close when the user chooses to discard the changes', () => {
    const event = { preventDefault: vi.fn() };
    mocks.dialog.showMessageBoxSync.mockReturnValue(0);
    unloadListener()(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
