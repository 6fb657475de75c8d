import { describe, expect, it } from 'vitest';
import { contentTypeFor, isHtml } from '../../../../../electron/main/pure/mime.ts';

describe('content types of the renderer build', () => {
  it('names the types a Vite build produces', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-4f2a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-4f2a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/fonts/NotoSansSC.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/logo.svg')).toBe('image/svg+xml');
  });

  it('serves anything else as bytes, never as something a browser would run', () => {
    expect(contentTypeFor('/r/LICENSE')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/x.exe')).toBe('application/octet-stream');
  });

  it('recognises HTML, which gets the CSP header', () => {
    expect(isHtml(contentTypeFor('/r/index.html'))).toBe(true);
    expect(isHtml(contentTypeFor('/r/a.js'))).toBe(false);
  });
});
