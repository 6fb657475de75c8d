import { describe, expect, it } from 'vitest';
import { DESK_ENTRY_URL, isAllowedNavigation } from '../../../../../electron/main/pure/desk-origin.ts';

describe('isAllowedNavigation: a desk window only ever shows the desk', () => {
  it('allows moving within app://desk, including hash routes', () => {
    expect(isAllowedNavigation(DESK_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://desk/')).toBe(true);
    expect(isAllowedNavigation('app://desk/index.html#/cases/01J0')).toBe(true);
  });

  it('refuses the web, the HQ server itself, files and other schemes', () => {
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:8080/')).toBe(false);
    expect(isAllowedNavigation('file:///C:/Windows/System32/')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAllowedNavigation('data:text/html,<h1>x</h1>')).toBe(false);
    expect(isAllowedNavigation('about:blank')).toBe(false);
  });

  it('refuses look-alike desk addresses', () => {
    expect(isAllowedNavigation('app://desk.evil.example/')).toBe(false);
    expect(isAllowedNavigation('app://desk@evil/')).toBe(false);
    expect(isAllowedNavigation('app://desk:1/')).toBe(false);
    expect(isAllowedNavigation('app://other/')).toBe(false);
    expect(isAllowedNavigation('')).toBe(false);
  });
});
