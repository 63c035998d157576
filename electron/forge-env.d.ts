// Globals and modules that Electron Forge's Vite plugin provides to the main process bundle.
// A script file (no import/export), so the declarations below are global.

/**
 * URL of the renderer's Vite dev server during `electron-forge start`; `undefined` in packaged
 * builds (the plugin defines it as `undefined` when it builds for production).
 */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;

/** Name of the renderer entry ("main_window"): its build lives in `.vite/renderer/<name>/`. */
declare const MAIN_WINDOW_VITE_NAME: string;

declare module 'electron-squirrel-startup' {
  /** True when the app was started by the Squirrel installer to handle an install/update event. */
  const started: boolean;
  export default started;
}
