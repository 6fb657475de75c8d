import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../../../../electron/main/pure/csp.ts';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources.join(' ')];
    }),
  );
}

describe('buildCsp: the policy of every desk page', () => {
  it('lets the page load only its own scripts, and talk only to itself and the HQ server', () => {
    const policy = directives(buildCsp('https://hq.kjj.example.gov.cn/'));
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self' https://hq.kjj.example.gov.cn");
  });

  it('allows inline styles (Mantine) and data: images and fonts, but no plugins, base, forms or framing', () => {
    const policy = directives(buildCsp('http://127.0.0.1:8080'));
    expect(policy.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(policy.get('img-src')).toBe("'self' data:");
    expect(policy.get('font-src')).toBe("'self' data:");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
  });

  it('keeps only the origin of the server address, so a path or query cannot add directives', () => {
    const csp = buildCsp("http://10.1.2.3:8080/sync;script-src 'unsafe-eval'?a=b");
    expect(directives(csp).get('connect-src')).toBe("'self' http://10.1.2.3:8080");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('never allows script from the server, nor eval', () => {
    const csp = buildCsp('http://127.0.0.1:8080');
    expect(directives(csp).get('script-src')).not.toContain('127.0.0.1');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('refuses an address that is not http(s)', () => {
    expect(() => buildCsp('file:///etc/passwd')).toThrow(/http\(s\)/);
    expect(() => buildCsp('not a url')).toThrow();
  });
});
