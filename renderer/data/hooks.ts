import { useLiveQuery } from 'dexie-react-hooks';
import type { Agency, Department, Settings, Staff } from '../../shared/model/reference.ts';
import { byCausalOrder } from '../../shared/rules/contact.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { isTransferOverdue } from '../../shared/rules/transferDeadline.ts';
import { deskCalendar } from './calendar.ts';
import type { ContactRow, DeskDb, StoredEvent } from './db.ts';
import { readDevice } from './device.ts';
import { getSettings, listActiveStaff, listAgencies, listDepartments, listReference } from './references.ts';
import { countRejectionsNeedingAttention } from './rejections.ts';
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
  /** Refused events nobody has acknowledged yet; acknowledged ones stay on record in the sync panel. */
  readonly rejected: number;
}

export function useSyncOverview(db: DeskDb): SyncOverview | undefined {
  return useLiveQuery(
    async () => ({
      ...(await readSyncStatus(db)),
      pending: await db.outbox.count(),
      rejected: await countRejectionsNeedingAttention(db),
    }),
    [db],
  );
}

export function useDeviceLabel(db: DeskDb): string | undefined {
  return useLiveQuery(async () => (await db.meta.get('device')) ? (await readDevice(db)).label : undefined, [db]);
}

export interface Directory {
  readonly staffById: Map<string, Staff>;
  readonly departments: Department[];
  readonly agencies: Agency[];
  readonly leaders: Staff[];
}

/** Everything the screens need from the reference data, in one live query. */
export function useDirectory(db: DeskDb): Directory | undefined {
  return useLiveQuery(async () => {
    const staff = await listReference(db, 'staff');
    return {
      staffById: new Map(staff.map((s) => [s.id as string, s])),
      departments: await listDepartments(db),
      agencies: await listAgencies(db),
      leaders: staff.filter((s) => s.active && s.roles.includes('leader')),
    };
  }, [db]);
}

export function useContactEvents(db: DeskDb, contactId: string | undefined): StoredEvent[] | undefined {
  return useLiveQuery(
    async () =>
      contactId
        ? (await db.events.where('[aggregate+aggregateId]').equals(['contact', contactId]).toArray()).sort((a, b) =>
            byCausalOrder(a.event, b.event),
          )
        : [],
    [db, contactId],
  );
}

/**
 * How many contacts wait for this person (the header's badge). A number, not the rows: unchanged, it does not
 * re-render the shell and every screen under it when a sync or another desk changes some contact.
 */
export function useInboxCount(db: DeskDb, staffId: string): number | undefined {
  return useLiveQuery(() => db.contacts.where('awaitingStaffId').equals(staffId).count(), [db, staffId]);
}

/** What waits for this person, oldest first (art. 8–9: nothing may be left without a disposition). */
export function useInbox(db: DeskDb, staffId: string): ContactRow[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.contacts.where('awaitingStaffId').equals(staffId).toArray()).sort((a, b) =>
        a.waitingSince < b.waitingSince ? -1 : 1,
      ),
    [db, staffId],
  );
}

const UNFINISHED = ['open', 'transferPending', 'escalated', 'refusalPending', 'refused'] as const;

/** Contacts registered at this desk that are not finished yet, for the end-of-day check (art. 6, 8). */
export function useUnfinishedAtDesk(db: DeskDb): ContactRow[] | undefined {
  return useLiveQuery(async () => {
    const device = (await db.meta.get('device'))?.value as { deviceId: string } | undefined;
    const rows = await db.contacts.where('status').anyOf([...UNFINISHED]).toArray();
    return rows
      .filter((c) => c.openedDeviceId === device?.deviceId && (c.status !== 'refused' || !c.outcomeNotified))
      .sort((a, b) => (a.openedAt < b.openedAt ? -1 : 1));
  }, [db]);
}

/**
 * Transfers to a department not accepted by the end of the next working day: escalated to that
 * department's head (derived from the events and the calendar, nothing is written).
 */
export function useOverdueTransfers(db: DeskDb, departmentId: string | undefined, day: string): ContactRow[] | undefined {
  return useLiveQuery(async () => {
    if (!departmentId) return [];
    await listReference(db, 'calendarYear'); // re-run when the calendar changes
    const pending = await db.contacts.where('status').equals('transferPending').toArray();
    return pending
      .filter((c) => c.transfer?.toDepartmentId === departmentId && isTransferOverdue(c, deskCalendar(), day as IsoDate))
      .sort((a, b) => (a.waitingSince < b.waitingSince ? -1 : 1));
  }, [db, departmentId, day]);
}
