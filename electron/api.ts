/**
 * The narrow API the preload script exposes to the renderer as `window.subventii`.
 * Types only: shared by electron/preload.ts (which implements it) and renderer/platform (which uses it).
 */
export interface FileFilter {
  /** Shown in the dialog, e.g. "Registre Excel". */
  name: string;
  /** Without the dot: ["xlsx", "csv"]. */
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  filters: FileFilter[];
  data: Uint8Array;
}

export interface SaveFileResult {
  saved: boolean;
  /** Absolute path the file was written to, when saved. */
  path?: string;
}

export interface OpenFileRequest {
  filters: FileFilter[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

/** The answer of "Verifică legătura" (src/shared/server-address.ts). */
export type ServerCheckResult = { ok: true; schemaVersion: number } | { ok: false; message: string };

export interface DesktopApi {
  appVersion(): Promise<string>;
  /** Native "Save as" dialog, then writes `data` to the chosen path. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Native "Open" dialog; resolves to null when the user cancels. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Shared mode: the server's origin (or null: local mode), kept by the main process and added to the page's CSP connect-src. */
  setServer(serverUrl: string | null): Promise<void>;
  /** "Verifică legătura" from the main process (an address not chosen yet is outside the page's CSP). */
  checkServer(serverUrl: string): Promise<ServerCheckResult>;
}

/** IPC channel names, one per verb. */
export const IPC_CHANNELS = {
  appVersion: 'app-version',
  saveFile: 'save-file',
  openFile: 'open-file',
  setServer: 'set-server',
  checkServer: 'check-server',
} as const;

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    subventii?: DesktopApi;
  }
}
