import { useLiveQuery } from 'dexie-react-hooks';
import type { Department, Settings, Staff } from '../../shared/model/reference.ts';
import type { ContactRow, DeskDb } from './db.ts';
import { readDevice } from './device.ts';
import { getSettings, listActiveStaff, listDepartments, listReference } from './references.ts';
import { readSyncStatus, type SyncStatus } from './sync.ts';

// Live queries: the screens re-render when the data changes, in this window or another.

export function useActiveStaff(db: DeskDb): Staff[] | undefined {
  return useLiveQuery(() => listActiveStaff(db), [db]);
}

export function useAllStaff(db: DeskDb): Staff[] | undefined {
  return useLiveQuery(() => listReference(db, 'staff'), [db]);
}

export function useDepartments(db: DeskDb): Department[] | undefined {
  return useLiveQuery(() => listDepartments(db), [db]);
}

export function useSettings(db: DeskDb): Settings | undefined {
  return useLiveQuery(() => getSettings(db), [db]);
}

export function useContactsOfDay(db: DeskDb, day: string): ContactRow[] | undefined {
  return useLiveQuery(
    async () => (await db.contacts.where('openedDay').equals(day).toArray()).sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1)),
    [db, day],
  );
}

export function useContact(db: DeskDb, contactId: string | undefined): ContactRow | undefined {
  return useLiveQuery(() => (contactId ? db.contacts.get(contactId) : undefined), [db, contactId]);
}

export interface SyncOverview extends SyncStatus {
  readonly pending: number;
  readonly rejected: number;
}

export function useSyncOverview(db: DeskDb): SyncOverview | undefined {
  return useLiveQuery(
    async () => ({ ...(await readSyncStatus(db)), pending: await db.outbox.count(), rejected: await db.rejected.count() }),
    [db],
  );
}

export function useDeviceLabel(db: DeskDb): string | undefined {
  return useLiveQuery(async () => (await db.meta.get('device')) ? (await readDevice(db)).label : undefined, [db]);
}
