/**
 * The preload script: runs sandboxed, so it may import only 'electron' (and the constants of ./api,
 * which Vite bundles in). It exposes one narrow object as `window.subventii`; every verb is exactly
 * one ipcRenderer.invoke, and ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type DesktopApi } from './api';

const api = {
  appVersion: () => ipcRenderer.invoke(IPC_CHANNELS.appVersion),
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.openFile, request),
  setServer: (serverUrl) => ipcRenderer.invoke(IPC_CHANNELS.setServer, serverUrl),
  checkServer: (serverUrl) => ipcRenderer.invoke(IPC_CHANNELS.checkServer, serverUrl),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('subventii', api);
