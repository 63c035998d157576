import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/menu';

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((item) => item.type !== 'separator').map((item) => item.label ?? '');
}

describe('application menu', () => {
  it('is in Romanian: Fișier, Editare, Vizualizare, Ajutor', () => {
    const menu = applicationMenuTemplate({ isDevelopment: false, onAbout: () => undefined });
    expect(labels(menu)).toEqual(['Fișier', 'Editare', 'Vizualizare', 'Ajutor']);
    expect(labels(submenu(menu[0]))).toEqual(['Ieșire']);
    expect(labels(submenu(menu[1]))).toEqual(['Anulează', 'Refă', 'Taie', 'Copiază', 'Lipește', 'Selectează tot']);
    expect(labels(submenu(menu[2]))).toEqual(['Reîncarcă', 'Mărire', 'Micșorare', 'Dimensiune normală', 'Ecran complet']);
    expect(labels(submenu(menu[3]))).toEqual(['Despre Subvenții ONG']);
  });

  it('uses the native roles, so shortcuts and clipboard work in every text field', () => {
    const menu = applicationMenuTemplate({ isDevelopment: false, onAbout: () => undefined });
    expect(submenu(menu[0])[0]?.role).toBe('quit');
    expect(submenu(menu[1]).filter((item) => item.role).map((item) => item.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(submenu(menu[2]).filter((item) => item.role).map((item) => item.role)).toEqual([
      'reload',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
    ]);
  });

  it('offers DevTools only in development', () => {
    const roles = (isDevelopment: boolean) =>
      applicationMenuTemplate({ isDevelopment, onAbout: () => undefined }).flatMap((item) => submenu(item).map((entry) => entry.role));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('opens the about box from Ajutor → Despre Subvenții ONG', () => {
    const onAbout = vi.fn();
    const about = submenu(applicationMenuTemplate({ isDevelopment: false, onAbout })[3])[0];
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('starts with the application menu on macOS', () => {
    const menu = applicationMenuTemplate({ isDevelopment: false, isMac: true, onAbout: () => undefined });
    expect(menu[0]?.role).toBe('appMenu');
    expect(labels(menu).slice(1)).toEqual(['Fișier', 'Editare', 'Vizualizare', 'Ajutor']);
  });
});
