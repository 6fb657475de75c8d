// Main process. Whatever a page tries, it stays on app://desk: no new windows, no navigation away, no <webview>,
// no browser permissions beyond reaching the HQ server.
import { app, type Session } from 'electron';
import { isAllowedNavigation } from './pure/desk-origin.ts';
import { isPermissionGranted } from './pure/permissions.ts';

/** Applies to every web contents ever created, including ones we did not expect to exist. */
export function confineWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // Links with target=_blank, window.open and middle clicks all end here. Nothing opens; not even externally,
    // because an address typed by a visitor into a case could otherwise launch a browser at it.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/**
 * The desk needs no camera, microphone, location, notifications, clipboard-read, USB…: every request and every check
 * is refused, except reaching the HQ server on the local network (see pure/permissions.ts). Printing and copy/paste
 * through the menus do not go through permissions.
 */
export function limitPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
}
