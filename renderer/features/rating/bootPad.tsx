import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../../app/i18n.ts';
import { theme } from '../../app/theme.ts';
import { openDeskDb } from '../../data/db.ts';
import { localTabletStore, padRelayTablet } from '../../data/padRelayTablet.ts';
import { PadScreen } from './PadScreen.tsx';
import { TabletScreen } from './TabletScreen.tsx';

const routeIs = (hash: string, route: string) => hash === route || hash.startsWith(`${route}?`);

/** A tablet paired through HQ (#/tablet, the page HQ serves): another machine, facing the applicant. */
export function isTabletRoute(hash: string): boolean {
  return routeIs(hash, '#/tablet');
}

/** The pad's routes: the desk's own page at #/pad (a second window of the same origin), or a tablet's #/tablet. */
export function isPadRoute(hash: string): boolean {
  return routeIs(hash, '#/pad') || isTabletRoute(hash);
}

/**
 * Start the rating pad instead of the desk. The local pad opens the desk's database and nothing else: no sign-in, no sync (the
 * desk window pushes the pad's rating with its outbox), no enrolment or settings screens, no desktop bridge.
 */
export async function bootPad(root: HTMLElement): Promise<void> {
  const i18n = await initI18n();
  // Each applicant starts in Chinese, whatever language the clerk chose for the desk.
  await i18n.changeLanguage('zh-CN');
  // The tablet opens no desk database at all: nothing of the desk is on it, only its pad token.
  const screen = isTabletRoute(window.location.hash) ? (
    <TabletScreen client={padRelayTablet()} store={localTabletStore()} />
  ) : (
    <PadScreen db={openDeskDb()} />
  );
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          {screen}
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
