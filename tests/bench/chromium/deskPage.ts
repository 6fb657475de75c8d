// Runs IN Chromium: the desk's own data layer (renderer/data) on the browser's real IndexedDB, enrolling and
// syncing over fetch with the HQ server that served this page. Bundled by chromium.ts; the bench calls
// window.deskBench through Playwright. None of the app's UI is loaded: the figures are the sync's alone.
import { storeCredentials } from '../../../renderer/data/credentials.ts';
import { openDeskDb } from '../../../renderer/data/db.ts';
import { enrolThisDesk } from '../../../renderer/data/enrolment.ts';
import { syncOnce, type SyncBatches } from '../../../renderer/data/sync.ts';
import { httpTransport } from '../../../renderer/data/transport.ts';

export interface SyncFigures {
  readonly ms: number;
  /** Of which waiting for the server's pull answers. */
  readonly pullWaitMs: number;
  readonly pulled: number;
  readonly stored: number;
}

export interface DeskBench {
  /** Enrol the desk database `name` (created on first use) with a one-time code. */
  enrol(name: string, code: string): Promise<void>;
  /** One full sync of the desk database `name`. */
  sync(name: string, batches?: SyncBatches): Promise<SyncFigures>;
}

declare global {
  interface Window {
    deskBench?: DeskBench;
  }
}

window.deskBench = {
  async enrol(name, code) {
    const db = openDeskDb(name);
    await enrolThisDesk(
      db,
      { serverUrl: location.origin, code, label: 'bench' },
      { save: (credentials) => storeCredentials(db, credentials) },
    );
    db.close();
  },
  async sync(name, batches) {
    const db = openDeskDb(name);
    const http = httpTransport(location.origin);
    let pullWaitMs = 0;
    const transport: typeof http = {
      ...http,
      async pull(...args) {
        const t0 = performance.now();
        const page = await http.pull(...args);
        pullWaitMs += performance.now() - t0;
        return page;
      },
    };
    const t0 = performance.now();
    const result = await syncOnce(db, transport, batches);
    const ms = performance.now() - t0;
    const stored = await db.events.count();
    db.close();
    return { ms, pullWaitMs, pulled: result.pulled, stored };
  },
};
