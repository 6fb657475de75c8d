// Runs IN Chromium: the desk's own data layer (renderer/data) on the browser's real IndexedDB, enrolling and
// syncing over fetch with the HQ server that served this page. Bundled by chromium.ts; the bench calls
// window.deskBench through Playwright. None of the app's UI is loaded: the figures are the sync's alone.
import type { Table } from 'dexie';
import { readStoredCredentials, storeCredentials } from '../../../renderer/data/credentials.ts';
import { openDeskDb } from '../../../renderer/data/db.ts';
import { enrolThisDesk } from '../../../renderer/data/enrolment.ts';
import { PULL_BATCH, syncOnce, type SyncOptions } from '../../../renderer/data/sync.ts';
import { httpTransport } from '../../../renderer/data/transport.ts';

export interface SyncFigures {
  readonly ms: number;
  readonly pulled: number;
  readonly stored: number;
}

export interface Figures {
  readonly ms: number;
  readonly events: number;
}

export interface DeskBench {
  /** Enrol the desk database `name` (created on first use) with a one-time code. */
  enrol(name: string, code: string): Promise<void>;
  /** One full sync of the desk database `name`. */
  sync(name: string, batches?: SyncOptions): Promise<SyncFigures>;
  /**
   * The server and the network alone: every page the sync of `name` pulled, fetched and checked again from
   * cursor 0 exactly as the sync does (one page at a time), written nowhere.
   */
  pullOnly(name: string, batch?: number): Promise<Figures>;
  /**
   * Chromium's IndexedDB alone: the event and contact rows the sync of `name` stored, written again with bare
   * IndexedDB (no Dexie, no folding, no reads) into an empty database with the same stores and indexes, one
   * transaction per page of events and the contact rows written with them.
   */
  rewriteBare(name: string, batch?: number): Promise<Figures>;
}

declare global {
  interface Window {
    deskBench?: DeskBench;
  }
}

function done(request: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve();
      request.onerror = request.onabort = () => reject(request.error ?? new Error('aborted'));
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('failed'));
    }
  });
}

/** An empty bare IndexedDB database with stores shaped like these Dexie tables (key path and every index). */
async function bareCopyOf(name: string, tables: readonly Table[]): Promise<IDBDatabase> {
  await done(indexedDB.deleteDatabase(name));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    for (const table of tables) {
      const store = open.result.createObjectStore(table.name, { keyPath: table.schema.primKey.keyPath ?? null });
      for (const index of table.schema.indexes) {
        store.createIndex(index.name, index.keyPath ?? index.name, { unique: index.unique, multiEntry: index.multi });
      }
    }
  };
  await done(open);
  return open.result;
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
    const t0 = performance.now();
    const result = await syncOnce(db, httpTransport(location.origin), batches);
    const ms = performance.now() - t0;
    const stored = await db.events.count();
    db.close();
    return { ms, pulled: result.pulled, stored };
  },
  async pullOnly(name, batch = PULL_BATCH) {
    const db = openDeskDb(name);
    const auth = await readStoredCredentials(db);
    db.close();
    if (!auth) throw new Error(`${name} is not enrolled`);
    const http = httpTransport(location.origin);
    const t0 = performance.now();
    let events = 0;
    for (let cursor = 0, more = true; more;) {
      const page = await http.pull(cursor, batch, auth);
      events += page.events.length;
      more = page.hasMore && page.nextCursor > cursor;
      cursor = page.nextCursor;
    }
    return { ms: performance.now() - t0, events };
  },
  async rewriteBare(name, batch = PULL_BATCH) {
    const db = openDeskDb(name);
    const events = await db.events.toArray();
    const contacts = await db.contacts.toArray();
    const bare = await bareCopyOf(`${name}-bare`, [db.events, db.contacts]);
    db.close();
    const pages = Math.ceil(events.length / batch);
    const perPage = Math.ceil(contacts.length / pages);
    const t0 = performance.now();
    for (let p = 0; p < pages; p++) {
      const tx = bare.transaction(['events', 'contacts'], 'readwrite');
      const eventStore = tx.objectStore('events');
      const contactStore = tx.objectStore('contacts');
      for (const row of events.slice(p * batch, (p + 1) * batch)) eventStore.add(row);
      for (const row of contacts.slice(p * perPage, (p + 1) * perPage)) contactStore.put(row);
      await done(tx);
    }
    const ms = performance.now() - t0;
    bare.close();
    return { ms, events: events.length };
  },
};
