/** The Romanian application menu. Pure: main.ts builds it with Menu.buildFromTemplate. */
import type { MenuItemConstructorOptions } from 'electron';

export const APP_NAME = 'Subvenții ONG';

export interface MenuOptions {
  /** DevTools appear only while developing (`electron-forge start`). */
  isDevelopment: boolean;
  /** On macOS the first menu is the application menu. */
  isMac?: boolean;
  /** "Ajutor → Despre Subvenții ONG". */
  onAbout(): void;
}

export function applicationMenuTemplate({ isDevelopment, isMac = false, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Reîncarcă', role: 'reload' },
    { type: 'separator' },
    { label: 'Mărire', role: 'zoomIn' },
    { label: 'Micșorare', role: 'zoomOut' },
    { label: 'Dimensiune normală', role: 'resetZoom' },
    { type: 'separator' },
    { label: 'Ecran complet', role: 'togglefullscreen' },
  ];
  if (isDevelopment) {
    view.push({ type: 'separator' }, { label: 'Instrumente pentru dezvoltatori', role: 'toggleDevTools' });
  }
  return [
    ...(isMac ? [{ label: APP_NAME, role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'Fișier', submenu: [{ label: 'Ieșire', role: 'quit' }] },
    {
      label: 'Editare',
      submenu: [
        { label: 'Anulează', role: 'undo' },
        { label: 'Refă', role: 'redo' },
        { type: 'separator' },
        { label: 'Taie', role: 'cut' },
        { label: 'Copiază', role: 'copy' },
        { label: 'Lipește', role: 'paste' },
        { type: 'separator' },
        { label: 'Selectează tot', role: 'selectAll' },
      ],
    },
    { label: 'Vizualizare', submenu: view },
    { label: 'Ajutor', role: 'help', submenu: [{ label: `Despre ${APP_NAME}`, click: () => onAbout() }] },
  ];
}
