import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { TRAY_ICON_DATA_URL } from '../../../../../electron/main/pure/tray-icon.ts';
import { closeDecision, trayMenuTemplate } from '../../../../../electron/main/pure/tray.ts';

function actions() {
  return { open: vi.fn(), syncNow: vi.fn(), quit: vi.fn() };
}

describe('the tray menu', () => {
  it('offers 打开首问台, 立即同步 and 退出, in that order', () => {
    const menu = trayMenuTemplate(actions());
    expect(menu.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual([
      '打开首问台',
      '立即同步',
      '退出',
    ]);
  });

  it('calls the matching action for each item and nothing else', () => {
    const wired = actions();
    const menu = trayMenuTemplate(wired);
    const click = (label: string) => {
      const item = menu.find((entry) => entry.label === label);
      (item?.click as (() => void) | undefined)?.();
    };
    click('立即同步');
    expect(wired.syncNow).toHaveBeenCalledTimes(1);
    expect(wired.open).not.toHaveBeenCalled();
    expect(wired.quit).not.toHaveBeenCalled();
    click('打开首问台');
    click('退出');
    expect(wired.open).toHaveBeenCalledTimes(1);
    expect(wired.quit).toHaveBeenCalledTimes(1);
  });

  it('keeps 退出 apart from the others', () => {
    const menu = trayMenuTemplate(actions());
    expect(menu.at(-2)?.type).toBe('separator');
  });
});

describe('closing the desk window', () => {
  it('hides it to the tray on Windows and Linux, so the nightly sync still runs', () => {
    expect(closeDecision({ platform: 'win32', quitting: false, trayReady: true })).toBe('hide');
    expect(closeDecision({ platform: 'linux', quitting: false, trayReady: true })).toBe('hide');
  });

  it('really closes when the clerk chose 退出 (a real quit is under way)', () => {
    expect(closeDecision({ platform: 'win32', quitting: true, trayReady: true })).toBe('close');
    expect(closeDecision({ platform: 'linux', quitting: true, trayReady: true })).toBe('close');
  });

  it('closes when there is no tray icon to bring the window back from', () => {
    expect(closeDecision({ platform: 'linux', quitting: false, trayReady: false })).toBe('close');
  });

  it('keeps the macOS convention of closing the window', () => {
    expect(closeDecision({ platform: 'darwin', quitting: false, trayReady: true })).toBe('close');
  });
});

describe('the tray icon', () => {
  it('is the app icon, byte for byte', () => {
    const icon = readFileSync(new URL('../../../../../build/icon.png', import.meta.url));
    expect(TRAY_ICON_DATA_URL).toBe(`data:image/png;base64,${icon.toString('base64')}`);
  });
});
