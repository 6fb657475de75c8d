import type { FollowUpEvent } from '../../shared/model/followUpEvents.ts';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings, type Staff } from '../../shared/model/reference.ts';
import { CASE_ENDED } from '../../shared/rules/case.ts';
import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import { foldFollowUp, type FollowUpState } from '../../shared/rules/followUp.ts';
import { followUpFoldContextFor, type FollowUpDirectory } from './rating/rectificationPermissions.ts';
import {
  followUpTasks,
  followUpTaskStatus,
  type FollowUpTask,
  type FollowUpTaskStatus,
} from '../../shared/rules/followUpTasks.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import type { Table } from 'dexie';
import type { CaseRow, ContactRow, DeskDb } from './db.ts';
import { listReference, getSettings } from './references.ts';

// Chapter 7 服务回访 at the desk. Tasks are derived (shared/rules/followUpTasks.ts) from the cases and contacts the
// desk holds, so no table is kept for them; what was done on a task is the fold of its 'followUp' events, read
// straight from the log like the ratings (a follow-up log is a handful of events per matter).

/** A task as the screens show it: the rule's task, its fold, where it stands today and whom it concerns. */
export interface FollowUpTaskView {
  readonly task: FollowUpTask;
  readonly state: FollowUpState | null;
  readonly status: FollowUpTaskStatus;
  /** The applicant (a person's name or an organisation). */
  readonly applicant: string;
  /** The service item of a case, or the matter of a contact. */
  readonly matter: string;
  /** The applicant's phone as registered (screens show it masked). */
  readonly applicantPhone?: string;
  /** Whose work is followed up: a case's handler, a contact's responsible person (the rates count it for them). */
  readonly workOf?: string;
  /** A case's handling department (from the catalog); none for a contact. */
  readonly departmentId?: string;
}

/** Contacts that end without a case (the rule samples them). */
export const CONTACT_ENDS = ['answered', 'referred', 'refused'] as const;

export async function followUpSettingsOf(db: DeskDb): Promise<FollowUpSettings> {
  return (await getSettings(db))?.followUp ?? DEFAULT_FOLLOW_UP_SETTINGS;
}

export async function departmentLookup(db: DeskDb): Promise<{
  departmentOf: (id: string) => string | undefined;
  isLeader: (id: string) => boolean;
  staffOf: (id: string) => Staff | undefined;
  /** What of the directory the tasks depend on (departments, roles), to tell when they must be derived again. */
  staffKey: string;
}> {
  const staff = await listReference(db, 'staff');
  const byId = new Map(staff.map((s: Staff) => [s.id as string, s]));
  return {
    departmentOf: (id) => byId.get(id)?.departmentId,
    isLeader: (id) => byId.get(id)?.roles.includes('leader') ?? false,
    staffOf: (id) => byId.get(id),
    staffKey: JSON.stringify(staff.map((s) => [s.id, s.departmentId, s.roles])),
  };
}

/** The stored follow-up events, by subject id. */
export async function followUpLogs(db: DeskDb, subjectIds?: readonly string[]): Promise<Map<string, FollowUpEvent[]>> {
  const rows = subjectIds
    ? await db.events
        .where('[aggregate+aggregateId]')
        .anyOf(subjectIds.map((id) => ['followUp', id]))
        .toArray()
    : await db.events.where('[aggregate+aggregateId]').between(['followUp', ''], ['followUp', '\uffff']).toArray();
  const logs = new Map<string, FollowUpEvent[]>();
  for (const row of rows) {
    const list = logs.get(row.aggregateId) ?? [];
    list.push(row.event as FollowUpEvent);
    logs.set(row.aggregateId, list);
  }
  return logs;
}

function viewsOf(
  tasks: readonly FollowUpTask[],
  logs: Map<string, FollowUpEvent[]>,
  directory: FollowUpDirectory,
  cases: ReadonlyMap<string, CaseRow>,
  contacts: ReadonlyMap<string, ContactRow>,
  today: IsoDate,
): FollowUpTaskView[] {
  return tasks.map((task) => {
    // Who may rectify, like who is followed up, is judged by the fold (rating/rectificationPermissions.ts).
    const state = foldFollowUp(logs.get(task.subject.id) ?? [], followUpFoldContextFor(task, cases, contacts, directory));
    return taskView(task, state, cases, contacts, today);
  });
}

/** A task with its fold as the screens show it (where it stands today, whom and what it concerns). */
export function taskView(
  task: FollowUpTask,
  state: FollowUpState | null,
  cases: ReadonlyMap<string, CaseRow>,
  contacts: ReadonlyMap<string, ContactRow>,
  today: IsoDate,
): FollowUpTaskView {
  const c = task.subject.kind === 'case' ? cases.get(task.subject.id) : undefined;
  const contact = c ? contacts.get(c.contactId) : contacts.get(task.subject.id);
  const workOf = c ? c.handlerStaffId : contact?.responsibleStaffId;
  return {
    task,
    state,
    status: followUpTaskStatus(task, state, today),
    applicant: c?.applicant ?? contact?.visitor.name ?? contact?.visitor.organisation ?? '',
    matter: c?.serviceItemName ?? contact?.matter ?? '',
    ...(contact?.visitor.phone ? { applicantPhone: contact.visitor.phone } : {}),
    ...(workOf ? { workOf } : {}),
    ...(c?.departmentId ? { departmentId: c.departmentId } : {}),
  };
}

/**
 * The rows in any of these statuses, one getAll per status: anyOf walks a cursor, and over an index where thousands
 * of rows share each key that costs a step per row (quadratic in fake-indexeddb, an IPC per row in Chromium).
 */
export async function byStatus<R>(table: Table<R, string, unknown>, statuses: readonly string[]): Promise<R[]> {
  return (await Promise.all(statuses.map((s) => table.where('status').equals(s).toArray()))).flat();
}

/** Every follow-up task the desk's ended cases and sampled ended contacts call for, with where each stands today. */
export async function readFollowUpTasks(db: DeskDb, calendar: WorkingCalendar, today: IsoDate): Promise<FollowUpTaskView[]> {
  const [cases, contacts, settings, lookup, logs] = await Promise.all([
    byStatus(db.cases, CASE_ENDED),
    byStatus(db.contacts, CONTACT_ENDS),
    followUpSettingsOf(db),
    departmentLookup(db),
    followUpLogs(db),
  ]);
  // A case's contact names the first-inquiry people whose work the case also was.
  const caseContacts = await db.contacts.bulkGet(cases.map((c) => c.contactId));
  const contactsById = new Map<string, ContactRow>();
  for (const c of [...contacts, ...caseContacts]) if (c) contactsById.set(c.contactId, c);
  const tasks = followUpTasks({
    cases,
    contacts: [...contactsById.values()],
    settings,
    calendar,
    departmentOf: lookup.departmentOf,
  });
  return viewsOf(tasks, logs, lookup, new Map(cases.map((c) => [c.caseId, c])), contactsById, today);
}

/** The one task of a case or contact (undefined: it has not ended, or a contact not sampled or with a case). */
export async function readFollowUpTask(
  db: DeskDb,
  subjectId: string,
  calendar: WorkingCalendar,
  today: IsoDate,
): Promise<FollowUpTaskView | undefined> {
  const caseRow = await db.cases.get(subjectId);
  const contact = await db.contacts.get(caseRow ? caseRow.contactId : subjectId);
  const [settings, lookup, logs] = await Promise.all([
    followUpSettingsOf(db),
    departmentLookup(db),
    followUpLogs(db, [subjectId]),
  ]);
  const tasks = followUpTasks({
    cases: caseRow ? [caseRow] : [],
    contacts: contact ? [contact] : [],
    settings,
    calendar,
    departmentOf: lookup.departmentOf,
  }).filter((t) => t.subject.id === subjectId);
  const cases = new Map(caseRow ? [[caseRow.caseId, caseRow]] : []);
  const contacts = new Map(contact ? [[contact.contactId, contact]] : []);
  return viewsOf(tasks, logs, lookup, cases, contacts, today)[0];
}
