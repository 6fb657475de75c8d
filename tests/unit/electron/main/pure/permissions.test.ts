import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from '../../../../../electron/main/pure/permissions.ts';

describe('browser permissions of a desk page', () => {
  it('lets the desk reach the HQ server on the local network or this machine', () => {
    for (const permission of ['local-network-access', 'local-network', 'loopback-network']) {
      expect(isPermissionGranted(permission, 'app://desk/index.html'), permission).toBe(true);
      expect(isPermissionGranted(permission, 'app://desk'), `${permission} (origin)`).toBe(true);
    }
  });

  it('refuses network reach to anything that is not the desk', () => {
    expect(isPermissionGranted('local-network-access', 'https://evil.example/')).toBe(false);
    expect(isPermissionGranted('local-network-access', 'app://desk.evil/')).toBe(false);
    expect(isPermissionGranted('loopback-network', 'file:///C:/x.html')).toBe(false);
  });

  it('refuses everything else, even to the desk', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'hid',
      'usb',
      'serial',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission, 'app://desk/index.html'), permission).toBe(false);
    }
  });
});
