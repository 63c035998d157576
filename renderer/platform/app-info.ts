declare const __APP_VERSION__: string;

/** The app's version: from Electron when inside the shell, from package.json in the web build. */
export async function appVersion(): Promise<string> {
  if (window.subventii) return window.subventii.appVersion();
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
}
