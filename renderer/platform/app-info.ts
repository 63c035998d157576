declare const __APP_VERSION__: string;
declare const __APP_BUILD__: string | undefined;

/**
 * The fingerprint of the app's code in a production build (vite.shared.ts), which values kept
 * across starts carry (renderer/db/persisted-read.ts); null on a development server, whose code
 * changes as it runs, and in the unit tests.
 */
export const APP_BUILD: string | null = import.meta.env.PROD && typeof __APP_BUILD__ === 'string' ? __APP_BUILD__ : null;

/** The app's version: from Electron when inside the shell, from package.json in the web build. */
export async function appVersion(): Promise<string> {
  if (window.subventii) return window.subventii.appVersion();
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
}
