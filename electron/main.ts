/**
 * The Electron main process: a thin, locked-down shell around the renderer.
 *
 * - Development (`electron-forge start`): loads the Vite dev server.
 * - Production: serves the built renderer through the privileged `app://subventii` protocol. The
 *   origin must stay the same across releases: IndexedDB, where Dexie keeps all the data, belongs
 *   to the origin, and file:// has no stable secure origin of its own.
 * - The renderer is sandboxed, isolated and reaches the system only through the three IPC verbs of
 *   electron/api.ts, each checked for its sender and its payload.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  type BrowserWindowConstructorOptions,
  type IpcMainInvokeEvent,
  type MessageBoxOptions,
  type Privileges,
} from 'electron';
import started from 'electron-squirrel-startup';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkServerStatus, validateServerAddress } from '../src/shared/server-address';
import { IPC_CHANNELS, type OpenedFile, type SaveFileResult, type ServerCheckResult } from './api';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyFor, developmentContentSecurityPolicy, withContentSecurityPolicy, withoutMetaContentSecurityPolicy } from './csp';
import { APP_NAME, applicationMenuTemplate } from './menu';
import {
  hardenWebContents,
  isPermissionGranted,
  isTrustedSender,
  MAX_FILE_BYTES,
  resolveInsideRoot,
  validateOpenRequest,
  validateSaveRequest,
} from './security';

/**
 * The renderer's origin in packaged builds. NEVER change the scheme or the host: the users' whole
 * database lives in this origin's IndexedDB, and another origin would start from an empty one.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'subventii';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** standard + secure: a real, secure origin (IndexedDB, workers, fetch); codeCache: faster start. */
export const APP_SCHEME_PRIVILEGES: Privileges = { standard: true, secure: true, supportFetchAPI: true, codeCache: true };

/** The window, with every security-relevant web preference written out. */
export function windowOptions(preloadPath: string, isDevelopment = false): BrowserWindowConstructorOptions {
  return {
    title: APP_NAME,
    width: 1280,
    height: 760,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: isDevelopment,
    },
  };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a built file; module scripts and workers need an exact JavaScript type. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ReadFile = (absolutePath: string) => Promise<Uint8Array<ArrayBuffer>>;

/**
 * Shared mode: the server the renderer chose (Setări → Server partajat), kept in the user's data
 * folder so that the page's CSP allows it (connect-src) from the first request after a restart.
 */
export const SERVER_SETTING_FILE = 'shared-server.json';
const sharedServer: { origin: string | undefined } = { origin: undefined };

function serverSettingFile(): string {
  return path.join(app.getPath('userData'), SERVER_SETTING_FILE);
}

/** The server's origin from the setting file; undefined when there is none or it is not a valid address. */
export async function readServerSetting(file: string): Promise<string | undefined> {
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as { serverUrl?: unknown };
    const checked = typeof value.serverUrl === 'string' ? validateServerAddress(value.serverUrl) : undefined;
    return checked?.ok ? checked.url : undefined;
  } catch {
    return undefined;
  }
}

/** The server's address as the renderer sends it: a valid one (its origin), or null for local mode. */
function validServerPayload(payload: unknown): string | null {
  if (payload === null) return null;
  if (typeof payload !== 'string') throw new TypeError('set-server: the address must be a string or null.');
  const checked = validateServerAddress(payload);
  if (!checked.ok) throw new TypeError(`set-server: ${checked.message}`);
  return checked.url;
}

/**
 * The `app://` protocol handler: GET only, host `subventii` only, files under `root` only (403 for
 * anything that would leave it), every response with the Content-Security-Policy header.
 */
export function createAppProtocolHandler(
  root: string,
  readFile: ReadFile,
  contentSecurityPolicy: string | (() => string) = CONTENT_SECURITY_POLICY,
): (request: Request) => Promise<Response> {
  const respond = (status: number, body: Uint8Array<ArrayBuffer> | string | null, headers: Record<string, string> = {}) =>
    new Response(body, {
      status,
      headers: {
        'Content-Security-Policy': typeof contentSecurityPolicy === 'function' ? contentSecurityPolicy() : contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        ...(typeof body === 'string' ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}),
        ...headers,
      },
    });

  return async (request) => {
    if (request.method !== 'GET') return respond(405, 'Method Not Allowed', { Allow: 'GET' });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return respond(400, 'Bad Request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return respond(404, 'Not Found');
    const filePath = resolveInsideRoot(root, url.pathname);
    if (filePath === null) return respond(403, 'Forbidden');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? respond(404, 'Not Found') : respond(500, 'Internal Server Error');
    }
    // The page's policy is the header alone (it may name the shared server); the build's meta copy would block it.
    if (path.extname(filePath).toLowerCase() === '.html') body = new TextEncoder().encode(withoutMetaContentSecurityPolicy(new TextDecoder().decode(body))) as Uint8Array<ArrayBuffer>;
    return respond(200, body, { 'Content-Type': contentTypeFor(filePath) });
  };
}

function assertTrustedSender(event: IpcMainInvokeEvent, allowedOrigin: string, channel: string): void {
  const frameUrl = event.senderFrame?.url;
  if (!isTrustedSender(frameUrl, allowedOrigin)) {
    throw new Error(`${channel}: refused a request from ${frameUrl ? JSON.stringify(frameUrl) : 'an unknown frame'}.`);
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('ro-RO', { maximumFractionDigits: 1 });
}

/** The verbs of DesktopApi. Each answers only frames of `allowedOrigin` and checks its payload. */
export function registerIpcHandlers(allowedOrigin: string): void {
  ipcMain.handle(IPC_CHANNELS.appVersion, (event): string => {
    assertTrustedSender(event, allowedOrigin, IPC_CHANNELS.appVersion);
    return app.getVersion();
  });

  ipcMain.handle(IPC_CHANNELS.saveFile, async (event, payload: unknown): Promise<SaveFileResult> => {
    assertTrustedSender(event, allowedOrigin, IPC_CHANNELS.saveFile);
    const { suggestedName, filters, data } = validateSaveRequest(payload);
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: suggestedName, filters };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await fs.writeFile(result.filePath, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return { saved: true, path: result.filePath };
  });

  ipcMain.handle(IPC_CHANNELS.openFile, async (event, payload: unknown): Promise<OpenedFile | null> => {
    assertTrustedSender(event, allowedOrigin, IPC_CHANNELS.openFile);
    const { filters } = validateOpenRequest(payload);
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openFile' as const], filters };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const filePath = result.canceled ? undefined : result.filePaths[0];
    if (!filePath) return null;
    const stats = await fs.stat(filePath);
    if (!stats.isFile()) throw new Error(`Calea aleasă nu este un fișier: ${filePath}`);
    if (stats.size > MAX_FILE_BYTES) {
      throw new RangeError(`Fișierul are ${megabytes(stats.size)} MiB; se pot deschide fișiere de cel mult ${megabytes(MAX_FILE_BYTES)} MiB. Nu a fost citit; datele actuale nu au fost atinse.`);
    }
    const contents = await fs.readFile(filePath);
    return { name: path.basename(filePath), data: new Uint8Array(contents.buffer, contents.byteOffset, contents.byteLength) };
  });

  ipcMain.handle(IPC_CHANNELS.setServer, async (event, payload: unknown): Promise<void> => {
    assertTrustedSender(event, allowedOrigin, IPC_CHANNELS.setServer);
    const origin = validServerPayload(payload);
    const file = serverSettingFile();
    if (origin) await fs.writeFile(file, JSON.stringify({ serverUrl: origin }));
    else await fs.rm(file, { force: true });
    sharedServer.origin = origin ?? undefined;
  });

  ipcMain.handle(IPC_CHANNELS.checkServer, async (event, payload: unknown): Promise<ServerCheckResult> => {
    assertTrustedSender(event, allowedOrigin, IPC_CHANNELS.checkServer);
    const checked = typeof payload === 'string' ? validateServerAddress(payload) : undefined;
    if (!checked?.ok) return { ok: false, message: checked?.message ?? 'Adresa serverului lipsește.' };
    // Chromium's network stack (net.fetch): the system's trust store, where an office's own certificate is installed.
    return checkServerStatus(checked.url, (input, init) => net.fetch(String(input), init));
  });
}

let mainWindow: BrowserWindow | null = null;

/** The dev server URL under `electron-forge start`; undefined in packaged builds (and in tests). */
function devServerUrl(): string | undefined {
  return typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
    ? MAIN_WINDOW_VITE_DEV_SERVER_URL
    : undefined;
}

/** Where Forge's Vite plugin puts the built renderer, next to `.vite/build/main.cjs`. */
function rendererRoot(): string {
  return path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}`);
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function showAbout(): void {
  const options: MessageBoxOptions = {
    type: 'info',
    title: `Despre ${APP_NAME}`,
    message: APP_NAME,
    detail: `Versiunea ${app.getVersion()}\n\nDirecția de Asistență Socială și Medicală Cluj-Napoca\nServiciul Protecție Socială`,
    buttons: ['Închide'],
    noLink: true,
  };
  const owner = BrowserWindow.getFocusedWindow() ?? mainWindow;
  void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
}

/**
 * The renderer blocks unloading while a form holds unsaved changes (beforeunload). Electron would
 * then silently refuse to close the window, so ask the user, as a browser does.
 */
export function confirmUnloadWithUnsavedChanges(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: 'Modificări nesalvate',
      message: 'Aveți modificări nesalvate.',
      detail: 'Dacă închideți acum, modificările se pierd.',
      buttons: ['Închide fără să salvez', 'Rămân în aplicație'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // preventDefault() on this event lets the unload go ahead.
    if (choice === 0) event.preventDefault();
  });
}

function createMainWindow(startUrl: string, isDevelopment: boolean): BrowserWindow {
  const window = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs'), isDevelopment));
  mainWindow = window;
  confirmUnloadWithUnsavedChanges(window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(startUrl).catch((error: unknown) => {
    console.error(`Could not load ${startUrl}`, error);
  });
  return window;
}

/** Starts the shell. Runs once, when Electron loads main.cjs. */
export function startApp(): void {
  // The Squirrel installer starts the app to create or remove shortcuts: do only that and quit.
  if (started) {
    app.quit();
    return;
  }
  // One instance only: two would write the same IndexedDB. A second launch focuses the first window.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const devUrl = devServerUrl();
  const isDevelopment = devUrl !== undefined;
  const allowedOrigin = devUrl ? new URL(devUrl).origin : APP_ORIGIN;
  // Computed at each response: choosing a shared server adds its origin to connect-src (then the page reloads).
  const contentSecurityPolicy = () => (devUrl ? developmentContentSecurityPolicy(devUrl, sharedServer.origin) : contentSecurityPolicyFor(sharedServer.origin));
  const startUrl = devUrl ?? `${APP_ORIGIN}/`;

  // Both must run before the app is ready.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, allowedOrigin));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow(startUrl, isDevelopment);
  });
  registerIpcHandlers(allowedOrigin);

  app
    .whenReady()
    .then(async () => {
      sharedServer.origin = await readServerSetting(serverSettingFile());
      const defaultSession = session.defaultSession;
      defaultSession.setPermissionRequestHandler((webContents, permission, callback, details) => {
        callback(isPermissionGranted(permission, details.requestingUrl || webContents.getURL(), allowedOrigin));
      });
      defaultSession.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
        isPermissionGranted(permission, requestingOrigin, allowedOrigin),
      );
      defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, contentSecurityPolicy()) });
      });
      if (!isDevelopment) {
        protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot(), (file) => fs.readFile(file), contentSecurityPolicy));
      }
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(applicationMenuTemplate({ isDevelopment, isMac: process.platform === 'darwin', onAbout: showAbout })),
      );
      createMainWindow(startUrl, isDevelopment);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(APP_NAME, `Aplicația nu a putut porni.\n\n${error instanceof Error ? error.message : String(error)}`);
      app.quit();
    });
}

startApp();
