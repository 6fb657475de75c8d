import { useLiveQuery } from 'dexie-react-hooks';
import type { Staff } from '../../shared/model/reference.ts';
import { CASE_ENDED } from '../../shared/rules/case.ts';
import type { ContactState } from '../../shared/rules/contact.ts';
import type { CaseDeadline } from '../../shared/rules/deadline.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { contactEnding } from '../../shared/rules/reports/contactFacts.ts';
import { clockOf } from './caseTimes.ts';
import type { DeskDb } from './db.ts';
import { listReference } from './references.ts';

// Today's numbers at the desk (issue 15, point 4): this window's and this person's day, from the desk's own
// IndexedDB, so they hold offline too. Counted here once (countToday, pure) for the header strip and the end-of-day
// summary alike; read with indexed queries of only the rows that can count (useTodayNumbers).

/** A case counts as due soon when this few working days or fewer are left before its due date (or it is overdue). */
export const DUE_SOON_WORKING_DAYS = 2;

/** Registered on the day, of those how many have a disposition (art. 8) and how many still wait for one (art. 9). */
export interface DayCounts {
  readonly registered: number;
  readonly disposed: number;
  readonly waiting: number;
}

export interface TodayNumbers {
  readonly day: IsoDate;
  /** Contacts registered today at this window (this desk). */
  readonly window: DayCounts;
  /** Contacts this person registered today (at any desk whose records reached this one). */
  readonly mine: DayCounts;
  /** art. 9: contacts registered at this window on an earlier day and still without a disposition. */
  readonly carriedOver: number;
  /** art. 8(3): transfers waiting to be accepted by this person or by anyone of their department (each once). */
  /** toDepartment: those to my department not named to me; toMe + toDepartment = total. */
  readonly transfers: { readonly toMe: number; readonly toDepartment: number; readonly total: number };
  /** This person's open cases due within DUE_SOON_WORKING_DAYS working days, and those already overdue (art. 17–18). */
  readonly casesDue: { readonly soon: number; readonly overdue: number; readonly total: number };
}

/** What contactEnding reads of a contact. */
type EndingFields = Pick<ContactState, 'status' | 'escalations' | 'transfer'>;
type ContactFields = EndingFields & Pick<ContactState, 'openedBy' | 'openedDeviceId'>;

export interface TodayInput {
  readonly day: IsoDate;
  /** This desk's id; undefined before enrolment (nothing then counts as this window's). */
  readonly deviceId: string | undefined;
  readonly staff: Pick<Staff, 'id' | 'departmentId'>;
  /** The contacts registered on `day` (any desk, any person). */
  readonly contactsOfDay: readonly ContactFields[];
  /** Contacts still open (status open), any day, any desk: those of this window before `day` are carried over. */
  readonly stillOpen: readonly (ContactFields & { readonly openedDay: string })[];
  /** Contacts whose transfer waits for acceptance (status transferPending), any addressee. */
  readonly pendingTransfers: readonly Pick<ContactState, 'status' | 'transfer'>[];
  /** This person's open cases with their clock today (null: not accepted yet, nothing counts). */
  readonly openCases: readonly { readonly clock: CaseDeadline | null }[];
}

/**
 * art. 8: a contact is disposed of once its first-inquiry person answered, transferred (an accepted or waiting
 * transfer; a returned one is undone), referred, escalated, proposed a refusal or opened a case — the same judgement
 * the supervision reports make (contactEnding); undisposed ones are what art. 9 forbids leaving at the end of the day.
 */
export function isDisposed(contact: EndingFields): boolean {
  return contactEnding(contact as ContactState) !== 'undisposed';
}

function dayCounts(rows: readonly ContactFields[]): DayCounts {
  const disposed = rows.filter((c) => isDisposed(c)).length;
  return { registered: rows.length, disposed, waiting: rows.length - disposed };
}

/** Due soon or overdue, by the clock of today; a paused case is not running out (unless its due date has passed). */
export function caseDueState(clock: CaseDeadline | null): 'overdue' | 'soon' | undefined {
  if (!clock) return undefined;
  if (clock.state === 'overdue') return 'overdue';
  if (clock.paused) return undefined;
  return clock.workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'soon' : undefined;
}

/** The day's numbers for this window and this person (pure: the rows in, the counts out). */
export function countToday(input: TodayInput): TodayNumbers {
  const { staff, deviceId } = input;
  const window = input.contactsOfDay.filter((c) => deviceId !== undefined && c.openedDeviceId === deviceId);
  const mine = input.contactsOfDay.filter((c) => c.openedBy === staff.id);
  let toMe = 0;
  let toDepartment = 0;
  let total = 0;
  for (const c of input.pendingTransfers) {
    if (c.status !== 'transferPending' || !c.transfer) continue;
    const me = c.transfer.toStaffId === staff.id;
    const department = c.transfer.toDepartmentId === staff.departmentId;
    // Disjoint, so the two parts add up to the total: a transfer named to me is not counted again for my department.
    if (me) toMe++;
    else if (department) toDepartment++;
    if (me || department) total++;
  }
  let soon = 0;
  let overdue = 0;
  for (const { clock } of input.openCases) {
    const state = caseDueState(clock);
    if (state === 'soon') soon++;
    if (state === 'overdue') overdue++;
  }
  return {
    day: input.day,
    window: dayCounts(window),
    mine: dayCounts(mine),
    carriedOver: input.stillOpen.filter(
      (c) => deviceId !== undefined && c.openedDeviceId === deviceId && c.openedDay < input.day && !isDisposed(c),
    ).length,
    transfers: { toMe, toDepartment, total },
    casesDue: { soon, overdue, total: soon + overdue },
  };
}

/**
 * Read the rows that can count today and count them: indexed reads of the day's contacts, the open ones and the
 * waiting transfers (few at any time), and the open cases.
 */
export async function readTodayNumbers(
  db: DeskDb,
  staff: Pick<Staff, 'id' | 'departmentId'>,
  day: IsoDate,
): Promise<TodayNumbers> {
  const device = (await db.meta.get('device'))?.value as { deviceId?: string } | undefined;
  const contactsOfDay = await db.contacts.where('openedDay').equals(day).toArray();
  const pendingTransfers = await db.contacts.where('status').equals('transferPending').toArray();
  const stillOpen = await db.contacts.where('status').equals('open').toArray();
  const open = await db.cases.where('status').noneOf([...CASE_ENDED]).toArray();
  await listReference(db, 'calendarYear'); // a live query re-runs when the calendar changes (the clocks move)
  const openCases = open.filter((c) => c.handlerStaffId === staff.id).map((c) => ({ clock: clockOf(c, day) }));
  return countToday({ day, deviceId: device?.deviceId, staff, contactsOfDay, stillOpen, pendingTransfers, openCases });
}

/** Today's numbers, live: they change as soon as anything is registered, disposed, accepted or synced. */
export function useTodayNumbers(db: DeskDb, staff: Staff, day: IsoDate): TodayNumbers | undefined {
  return useLiveQuery(
    () => readTodayNumbers(db, staff, day),
    [db, staff.id, staff.departmentId, day],
  );
}
