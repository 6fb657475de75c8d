import { describe, expect, it, vi } from 'vitest';
import { padHandlers } from '../../../../../electron/main/ipc/pad.ts';
import { applicationMenuTemplate } from '../../../../../electron/main/pure/menus.ts';
import { choosePadDisplay, PAD_ENTRY_URL, padWindowOptions } from '../../../../../electron/main/pure/pad-window.ts';
import { isAllowedNavigation } from '../../../../../electron/main/pure/desk-origin.ts';

const clerks = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const applicants = { id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };

describe('where the rating pad opens', () => {
  it('chooses the display that is not the primary one, wherever it is listed', () => {
    expect(choosePadDisplay([clerks, applicants], 1)).toBe(applicants);
    expect(choosePadDisplay([applicants, clerks], 1)).toBe(applicants);
  });

  it('falls back to the only display, and to nothing when none is reported', () => {
    expect(choosePadDisplay([clerks], 1)).toBe(clerks);
    expect(choosePadDisplay([], 1)).toBeNull();
  });

  it("loads the desk's own page at #/pad, which the window confinement allows", () => {
    expect(PAD_ENTRY_URL).toBe('app://desk/index.html#/pad');
    expect(isAllowedNavigation(PAD_ENTRY_URL)).toBe(true);
  });
});

describe('the rating pad window', () => {
  it('covers the applicant-facing display, full-screen', () => {
    const options = padWindowOptions(applicants, true);
    expect(options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 800, fullscreen: true });
  });

  it('stays a movable window when it shares the clerk’s only display', () => {
    expect(padWindowOptions(clerks, false).fullscreen).toBe(false);
  });

  it('is locked down like the desk window, and gets no preload bridge', () => {
    const prefs = padWindowOptions(applicants, true).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs?.preload).toBeUndefined();
  });
});

describe('opening the pad', () => {
  it('is a pad:open capability that takes no argument', async () => {
    const open = vi.fn();
    const { openPad } = padHandlers(open);
    expect(openPad.args.safeParse([]).success).toBe(true);
    expect(openPad.args.safeParse(['https://evil.example/']).success).toBe(false);
    await openPad.run();
    expect(open).toHaveBeenCalledOnce();
  });

  it('is a 视图 menu item when main offers it', () => {
    const open = vi.fn();
    const view = applicationMenuTemplate('win32', false, open).find((m) => m.label === '视图');
    const item = (view?.submenu as { label?: string; click?: () => void }[]).find((i) => i.label === '打开评价器');
    item?.click?.();
    expect(open).toHaveBeenCalledOnce();
    const without = applicationMenuTemplate('win32', false).find((m) => m.label === '视图');
    expect((without?.submenu as { label?: string }[]).some((i) => i.label === '打开评价器')).toBe(false);
  });
});
