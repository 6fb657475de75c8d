import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts } from '../../../../../electron/main/pure/sender.ts';

const ours = new Set([7, 9]);
const deskTopFrame: SenderFacts = { frameUrl: 'app://desk/index.html#/register', isMainFrame: true, webContentsId: 7 };

describe('isTrustedSender: main answers only the desk windows it created', () => {
  it('trusts the top frame of one of our windows showing the desk', () => {
    expect(isTrustedSender(deskTopFrame, ours)).toBe(true);
    expect(isTrustedSender({ ...deskTopFrame, webContentsId: 9, frameUrl: 'app://desk/' }, ours)).toBe(true);
  });

  it('refuses an iframe, even one showing the desk', () => {
    expect(isTrustedSender({ ...deskTopFrame, isMainFrame: false }, ours)).toBe(false);
  });

  it('refuses a window this app did not create or has closed', () => {
    expect(isTrustedSender({ ...deskTopFrame, webContentsId: 8 }, ours)).toBe(false);
    expect(isTrustedSender(deskTopFrame, new Set())).toBe(false);
  });

  it('refuses a page that is not the desk', () => {
    for (const frameUrl of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///opt/FirstDesk/index.html',
      'app://desk.evil/index.html',
      'app://desk:99/index.html',
      'app://deskx/',
      'about:blank',
      '',
    ]) {
      expect(isTrustedSender({ ...deskTopFrame, frameUrl }, ours), frameUrl).toBe(false);
    }
  });

  it('refuses a call whose frame is gone', () => {
    expect(isTrustedSender(null, ours)).toBe(false);
  });
});
