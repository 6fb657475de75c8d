import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../../app/i18n.ts';
import { theme } from '../../app/theme.ts';
import { openDeskDb } from '../../data/db.ts';
import { PadScreen } from './PadScreen.tsx';

/** The pad's route: the desk's own page at #/pad (a second window of the same origin). */
export function isPadRoute(hash: string): boolean {
  return hash === '#/pad' || hash.startsWith('#/pad?');
}

/**
 * Start the rating pad instead of the desk. It opens the desk's database and nothing else: no sign-in, no sync (the
 * desk window pushes the pad's rating with its outbox), no enrolment or settings screens, no desktop bridge.
 */
export async function bootPad(root: HTMLElement): Promise<void> {
  const i18n = await initI18n();
  // Each applicant starts in Chinese, whatever language the clerk chose for the desk.
  await i18n.changeLanguage('zh-CN');
  const db = openDeskDb();
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <PadScreen db={db} />
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
