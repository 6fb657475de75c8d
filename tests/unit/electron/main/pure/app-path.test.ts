import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../../../electron/main/pure/app-path.ts';

const rendererDir = '/opt/FirstDesk/resources/app.asar/dist/renderer';

describe('resolveAppPath: app://desk serves the renderer build and nothing else', () => {
  it('serves index.html for the bare origin and for /', () => {
    expect(resolveAppPath(rendererDir, 'app://desk')).toBe(`${rendererDir}/index.html`);
    expect(resolveAppPath(rendererDir, 'app://desk/')).toBe(`${rendererDir}/index.html`);
    expect(resolveAppPath(rendererDir, 'app://desk/index.html')).toBe(`${rendererDir}/index.html`);
  });

  it('serves a nested asset, ignoring the query string and the fragment', () => {
    expect(resolveAppPath(rendererDir, 'app://desk/assets/index-4f2a.js?v=1#x')).toBe(
      `${rendererDir}/assets/index-4f2a.js`,
    );
  });

  it('decodes percent-encoded names, including Chinese ones', () => {
    expect(resolveAppPath(rendererDir, 'app://desk/fonts/%E5%AE%8B%E4%BD%93.woff2')).toBe(
      `${rendererDir}/fonts/宋体.woff2`,
    );
  });

  it('refuses ../ smuggled in encoded as ..%2f', () => {
    expect(resolveAppPath(rendererDir, 'app://desk/..%2f..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveAppPath(rendererDir, 'app://desk/assets/..%2F..%2F..%2Fapp.asar')).toBeNull();
    expect(resolveAppPath(rendererDir, 'app://desk/..%2F')).toBeNull();
  });

  it('keeps plain and %2e-encoded dot segments inside the renderer directory', () => {
    // The URL parser folds these before we see them, so they can never climb above the root.
    expect(resolveAppPath(rendererDir, 'app://desk/../../etc/passwd')).toBe(`${rendererDir}/etc/passwd`);
    expect(resolveAppPath(rendererDir, 'app://desk/%2e%2e/%2e%2e/etc/passwd')).toBe(`${rendererDir}/etc/passwd`);
  });

  it('treats absolute-looking paths as relative to the renderer directory', () => {
    expect(resolveAppPath(rendererDir, 'app://desk//etc/passwd')).toBe(`${rendererDir}/etc/passwd`);
    expect(resolveAppPath(rendererDir, 'app://desk/%2Fetc%2Fpasswd')).toBe(`${rendererDir}/etc/passwd`);
  });

  it('refuses Windows drive letters, backslashes and UNC paths', () => {
    const windowsDir = 'C:\\Program Files\\FirstDesk\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(windowsDir, 'app://desk/assets/a.js', path.win32)).toBe(`${windowsDir}\\assets\\a.js`);
    expect(resolveAppPath(windowsDir, 'app://desk/C:/Windows/win.ini', path.win32)).toBeNull();
    expect(resolveAppPath(windowsDir, 'app://desk/..%5c..%5cWindows%5cwin.ini', path.win32)).toBeNull();
    expect(resolveAppPath(windowsDir, 'app://desk/%5c%5cserver%5cshare%5cfile', path.win32)).toBeNull();
  });

  it('refuses an encoded NUL byte', () => {
    expect(resolveAppPath(rendererDir, 'app://desk/index.html%00.png')).toBeNull();
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolveAppPath(rendererDir, 'app://desk/%E0%A4%A')).toBeNull();
  });

  it('refuses any other host, a port, credentials, or another scheme', () => {
    expect(resolveAppPath(rendererDir, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(rendererDir, 'app://desk.evil/index.html')).toBeNull();
    expect(resolveAppPath(rendererDir, 'app://desk:8080/index.html')).toBeNull();
    expect(resolveAppPath(rendererDir, 'app://user:pw@desk/index.html')).toBeNull();
    expect(resolveAppPath(rendererDir, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(rendererDir, 'https://desk/index.html')).toBeNull();
    expect(resolveAppPath(rendererDir, 'not a url')).toBeNull();
  });
});
