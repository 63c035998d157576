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

export interface DesktopApi {
  appVersion(): Promise<string>;
  /** Native "Save as" dialog, then writes `data` to the chosen path. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Native "Open" dialog; resolves to null when the user cancels. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
}

/** IPC channel names, one per verb. */
export const IPC_CHANNELS = {
  appVersion: 'app-version',
  saveFile: 'save-file',
  openFile: 'open-file',
} as const;

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    subventii?: DesktopApi;
  }
}
