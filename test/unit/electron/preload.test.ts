import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type DesktopApi, type OpenFileRequest, type SaveFileRequest } from '../../../electron/api';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (channel: string) => `answer to ${channel}`), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

/** Every verb of DesktopApi; `satisfies` fails to compile when the interface gains or loses one. */
const VERBS = { appVersion: true, saveFile: true, openFile: true, setServer: true, checkServer: true } satisfies Record<keyof DesktopApi, true>;

let exposedName: unknown;
let api: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../electron/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  [exposedName, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes one object as window.subventii with exactly the verbs of DesktopApi', () => {
    expect(exposedName).toBe('subventii');
    expect(Object.keys(api).sort()).toEqual(Object.keys(VERBS).sort());
    expect(Object.keys(IPC_CHANNELS).sort()).toEqual(Object.keys(VERBS).sort());
  });

  it('never hands ipcRenderer, or anything but functions, to the page', () => {
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toBe(electron.ipcRenderer.invoke);
    }
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('appVersion invokes app-version once and resolves to its answer', async () => {
    await expect((api as unknown as DesktopApi).appVersion()).resolves.toBe('answer to app-version');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([['app-version']]);
  });

  it('saveFile invokes save-file once with the request', async () => {
    const request: SaveFileRequest = {
      suggestedName: 'catalog-ong-2026-11-23.xlsx',
      filters: [{ name: 'Registru Excel', extensions: ['xlsx'] }],
      data: new Uint8Array([1, 2, 3]),
    };
    await expect((api as unknown as DesktopApi).saveFile(request)).resolves.toBe('answer to save-file');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([['save-file', request]]);
  });

  it('openFile invokes open-file once with the request', async () => {
    const request: OpenFileRequest = { filters: [{ name: 'Registre Excel sau CSV', extensions: ['xlsx', 'csv'] }] };
    await expect((api as unknown as DesktopApi).openFile(request)).resolves.toBe('answer to open-file');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([['open-file', request]]);
  });

  it('setServer and checkServer invoke set-server and check-server once with the address', async () => {
    await (api as unknown as DesktopApi).setServer('https://subventii.primaria.ro:8443');
    await (api as unknown as DesktopApi).setServer(null);
    await (api as unknown as DesktopApi).checkServer('https://subventii.primaria.ro:8443');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([['set-server', 'https://subventii.primaria.ro:8443'], ['set-server', null], ['check-server', 'https://subventii.primaria.ro:8443']]);
  });
});
