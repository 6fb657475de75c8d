import { cmp, Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { FollowUpEvent } from '../../shared/model/followUpEvents.ts';
import { CASE_ENDED } from '../../shared/rules/case.ts';
import type { WorkingCalendar } from '../../shared/rules/calendar.ts';
import { foldFollowUp, type FollowUpState } from '../../shared/rules/followUp.ts';
import { followUpFoldContextFor } from './rating/rectificationPermissions.ts';
import { followUpTasks, type FollowUpTask } from '../../shared/rules/followUpTasks.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import type { FollowUpSettings } from '../../shared/model/reference.ts';
import type { CaseRow, ContactRow, DeskDb } from './db.ts';
import {
  byStatus,
  CONTACT_ENDS,
  departmentLookup,
  followUpLogs,
  followUpSettingsOf,
  taskView,
  type FollowUpTaskView,
} from './followUps.ts';

// The follow-up tasks kept in memory and brought up to date by what changed, for the inbox and the 服务回访 board.
// readFollowUpTasks reads every ended case and contact and folds every follow-up on each refresh: seconds at a
// bureau's scale (20,000 cases, 100,000 contacts). Dexie reports every committed change (its 'storagemutated'
// event, fired when a transaction completes, before the writer's await resumes, and relayed from other windows),
// with the keys it touched: only those rows and follow-up logs are read again, only their tasks and folds redone.
// Nothing is stored twice on disk; a change Dexie cannot name by key (a cleared table, a reopened database) reloads
// everything, as the first read does.

interface Entry {
  loaded: boolean;
  all: boolean;
  readonly dirtyCases: Set<string>;
  readonly dirtyContacts: Set<string>;
  readonly dirtyLogs: Set<string>;
  allLogs: boolean;
  readonly cases: Map<string, CaseRow>;
  /** The ended cases of each contact (a contact's change derives their tasks again). */
  readonly casesOf: Map<string, Set<string>>;
  readonly contacts: Map<string, ContactRow>;
  readonly logs: Map<string, FollowUpEvent[]>;
  /** Task and fold per subject id, valid for `basis` (settings, calendar, directory). */
  readonly tasks: Map<string, FollowUpTask>;
  readonly folds: Map<string, FollowUpState | null>;
  basis?: { readonly key: string; readonly calendar: WorkingCalendar };
  /** Settings and directory as last read; read again only after the refs table changed. */
  refsDirty: boolean;
  refs?: { readonly settings: FollowUpSettings; readonly lookup: Awaited<ReturnType<typeof departmentLookup>> };
  /** The views as last answered, for `day`, ordered by due day; rebuilt only where something changed. */
  readonly views: Map<string, FollowUpTaskView>;
  sorted?: FollowUpTaskView[];
  day?: IsoDate;
  /** Refreshes run one after another: two screens asking at once share the maps. */
  queue: Promise<unknown>;
  readonly listeners: Set<() => void>;
  /** Told of the same changes and of any rating's (the rates read both). */
  readonly ratingListeners: Set<() => void>;
}

const entries = new WeakMap<DeskDb, Entry>();
const byName = new Map<string, Entry>();

function entryOf(db: DeskDb): Entry {
  let entry = entries.get(db);
  if (!entry) {
    entry = {
      loaded: false,
      all: true,
      dirtyCases: new Set(),
      dirtyContacts: new Set(),
      dirtyLogs: new Set(),
      allLogs: true,
      cases: new Map(),
      casesOf: new Map(),
      contacts: new Map(),
      logs: new Map(),
      tasks: new Map(),
      folds: new Map(),
      refsDirty: true,
      views: new Map(),
      queue: Promise.resolve(),
      listeners: new Set(),
      ratingListeners: new Set(),
    };
    entries.set(db, entry);
    byName.set(db.name, entry);
    listen();
  }
  return entry;
}

let listening = false;
function listen() {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    const touched = new Set<Entry>();
    for (const [part, tree] of Object.entries(parts)) {
      const m = /^idb:\/\/(.*)\/([^/]*)\/(.*)$/.exec(part);
      const entry = m && byName.get(m[1]!);
      if (!m || !entry) continue;
      const [, , table, index] = m;
      const primary = index === '' || index === ':dels';
      if (table === 'cases' && primary) mark(tree, entry, entry.dirtyCases);
      else if (table === 'contacts' && primary) mark(tree, entry, entry.dirtyContacts);
      else if (table === 'events' && index === '[aggregate+aggregateId]') {
        if (!markLogs(tree, entry)) continue;
      } else if (table === 'refs') entry.refsDirty = true; // settings, directory: read again at the next refresh
      else continue;
      touched.add(entry);
    }
    for (const entry of touched) for (const listener of [...entry.listeners, ...entry.ratingListeners]) listener();
    for (const [part, tree] of Object.entries(parts)) {
      const m = /^idb:\/\/(.*)\/events\/\[aggregate\+aggregateId\]$/.exec(part);
      const entry = m && byName.get(m[1]!);
      if (!entry || touched.has(entry) || !touchesRatings(tree)) continue;
      for (const listener of entry.ratingListeners) listener();
    }
  });
}

function* nodes(tree: IntervalTree | null | undefined): Generator<{ from: unknown; to: unknown }> {
  if (!tree || !('from' in tree)) return;
  yield* nodes(tree.l);
  yield { from: tree.from, to: tree.to };
  yield* nodes(tree.r);
}

/** Single keys are noted; a range (a cleared table, a reopened database) reloads everything. */
function mark(tree: IntervalTree, entry: Entry, into: Set<string>): void {
  for (const { from, to } of nodes(tree)) {
    if (typeof from === 'string' && cmp(from, to) === 0) into.add(from);
    else entry.all = true;
  }
}

/** Only follow-up logs matter here; a range that may hold one re-reads them all. */
function markLogs(tree: IntervalTree, entry: Entry): boolean {
  let touched = false;
  for (const { from, to } of nodes(tree)) {
    const single = Array.isArray(from) && cmp(from, to) === 0;
    if (single && from[0] !== 'followUp') continue;
    touched = true;
    if (single && typeof from[1] === 'string') entry.dirtyLogs.add(from[1]);
    else entry.allLogs = true;
  }
  return touched;
}

function touchesRatings(tree: IntervalTree): boolean {
  for (const { from, to } of nodes(tree)) {
    if (!(Array.isArray(from) && cmp(from, to) === 0) || from[0] === 'rating') return true;
  }
  return false;
}

/** Call `listener` after every committed change that may change the follow-up tasks or a rating. */
export function watchRatesSources(db: DeskDb, listener: () => void): () => void {
  const entry = entryOf(db);
  entry.ratingListeners.add(listener);
  return () => entry.ratingListeners.delete(listener);
}

/** Call `listener` after every committed change that may change the follow-up tasks. Returns the unsubscribe. */
export function watchFollowUpTasks(db: DeskDb, listener: () => void): () => void {
  const entry = entryOf(db);
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

/** Same answer as readFollowUpTasks, from memory brought up to date. */
export function readFollowUpTasksCached(
  db: DeskDb,
  calendar: WorkingCalendar,
  today: IsoDate,
): Promise<FollowUpTaskView[]> {
  const entry = entryOf(db);
  const run = entry.queue.then(() => refresh(db, entry, calendar, today));
  entry.queue = run.catch(() => undefined);
  return run;
}

async function refresh(
  db: DeskDb,
  entry: Entry,
  calendar: WorkingCalendar,
  today: IsoDate,
): Promise<FollowUpTaskView[]> {
  if (entry.refsDirty || !entry.refs) {
    entry.refsDirty = false;
    const [settings, lookup] = await Promise.all([followUpSettingsOf(db), departmentLookup(db)]);
    entry.refs = { settings, lookup };
  }
  const { settings, lookup } = entry.refs;
  const changed = new Set<string>();
  if (entry.all || !entry.loaded) await reloadRows(db, entry);
  else await reloadDirtyRows(db, entry, changed);
  if (entry.allLogs || !entry.loaded) {
    entry.allLogs = false;
    entry.dirtyLogs.clear();
    entry.logs.clear();
    for (const [id, log] of await followUpLogs(db)) entry.logs.set(id, log);
    entry.folds.clear();
    entry.views.clear();
  } else if (entry.dirtyLogs.size > 0) {
    const ids = [...entry.dirtyLogs];
    entry.dirtyLogs.clear();
    const logs = await followUpLogs(db, ids);
    for (const id of ids) {
      const log = logs.get(id);
      if (log) entry.logs.set(id, log);
      else entry.logs.delete(id);
      entry.folds.delete(id);
      changed.add(id);
    }
  }
  entry.loaded = true;

  // Settings, calendar and directory decide every task's due day, owner and exclusions: a change redoes them all.
  const key = JSON.stringify([settings, lookup.staffKey]);
  if (entry.basis?.key !== key || entry.basis.calendar !== calendar) {
    entry.basis = { key, calendar };
    entry.tasks.clear();
    entry.folds.clear();
    entry.views.clear();
    for (const c of entry.cases.values()) changed.add(c.caseId);
    for (const c of entry.contacts.values()) changed.add(c.contactId);
  }
  // Where a task stands is judged against today: a new day rebuilds every view (the tasks and folds stay).
  if (entry.day !== today) {
    entry.day = today;
    entry.views.clear();
  }
  const input = { settings, calendar, departmentOf: lookup.departmentOf };
  for (const id of changed) {
    const c = entry.cases.get(id);
    const contact = c ? entry.contacts.get(c.contactId) : entry.contacts.get(id);
    const [task] = followUpTasks({ ...input, cases: c ? [c] : [], contacts: contact ? [contact] : [] }).filter(
      (t) => t.subject.id === id,
    );
    if (task) entry.tasks.set(id, task);
    else entry.tasks.delete(id);
    entry.folds.delete(id);
  }

  const viewOf = (task: FollowUpTask): FollowUpTaskView => {
    const id = task.subject.id;
    let state = entry.folds.get(id);
    if (state === undefined) {
      state = foldFollowUp(entry.logs.get(id) ?? [], followUpFoldContextFor(task, entry.cases, entry.contacts, lookup));
      entry.folds.set(id, state);
    }
    const view = taskView(task, state, entry.cases, entry.contacts, today);
    entry.views.set(id, view);
    return view;
  };
  if (entry.sorted && entry.views.size > 0 && changed.size <= SMALL_CHANGE) {
    // A few subjects changed: take them out of the ordered list and put their new views back in place.
    let sorted = entry.sorted.filter((v) => !changed.has(v.task.subject.id));
    for (const id of changed) {
      const task = entry.tasks.get(id);
      if (task) sorted = insertSorted(sorted, viewOf(task));
    }
    entry.sorted = sorted;
  } else {
    entry.views.clear();
    entry.sorted = [...entry.tasks.values()].map(viewOf).sort(byDue);
  }
  return entry.sorted;
}

/** Beyond this many changed subjects, sorting everything again is as quick as placing each. */
const SMALL_CHANGE = 200;

/** By due day, then subject id: the order readFollowUpTasks answers in. */
function byDue(a: FollowUpTaskView, b: FollowUpTaskView): number {
  if (a.task.dueOn !== b.task.dueOn) return a.task.dueOn < b.task.dueOn ? -1 : 1;
  return a.task.subject.id < b.task.subject.id ? -1 : a.task.subject.id > b.task.subject.id ? 1 : 0;
}

/** A new array with the view in its place (binary search): the old one may be held by a screen. */
function insertSorted(sorted: FollowUpTaskView[], view: FollowUpTaskView): FollowUpTaskView[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDue(sorted[mid]!, view) < 0) lo = mid + 1;
    else hi = mid;
  }
  return [...sorted.slice(0, lo), view, ...sorted.slice(lo)];
}

async function reloadRows(db: DeskDb, entry: Entry) {
  entry.all = false;
  entry.dirtyCases.clear();
  entry.dirtyContacts.clear();
  const [cases, contacts] = await Promise.all([byStatus(db.cases, CASE_ENDED), byStatus(db.contacts, CONTACT_ENDS)]);
  const caseContacts = await db.contacts.bulkGet(cases.map((c) => c.contactId));
  entry.cases.clear();
  entry.casesOf.clear();
  entry.contacts.clear();
  entry.tasks.clear();
  entry.folds.clear();
  entry.basis = undefined; // every task is derived again
  entry.views.clear();
  entry.sorted = undefined;
  for (const c of cases) setCase(entry, c);
  for (const c of [...contacts, ...caseContacts]) if (c) entry.contacts.set(c.contactId, c);
}

/** Read again only the rows Dexie said changed; note which subjects' tasks must be derived again. */
async function reloadDirtyRows(db: DeskDb, entry: Entry, changed: Set<string>) {
  const caseIds = [...entry.dirtyCases];
  const contactIds = [...entry.dirtyContacts];
  entry.dirtyCases.clear();
  entry.dirtyContacts.clear();
  const ended = new Set<string>(CASE_ENDED);
  const contactEnded = new Set<string>(CONTACT_ENDS);
  for (const [i, row] of (await db.cases.bulkGet(caseIds)).entries()) {
    const id = caseIds[i]!;
    changed.add(id);
    if (row && ended.has(row.status)) {
      setCase(entry, row);
      if (!entry.contacts.has(row.contactId)) contactIds.push(row.contactId);
    } else deleteCase(entry, id);
  }
  if (contactIds.length === 0) return;
  const caseOf = entry.casesOf;
  for (const [i, row] of (await db.contacts.bulkGet(contactIds)).entries()) {
    const id = contactIds[i]!;
    changed.add(id);
    // A case's contact names people whose work the case also was: its task is derived again too.
    for (const caseId of caseOf.get(id) ?? []) changed.add(caseId);
    if (row && (contactEnded.has(row.status) || caseOf.has(id))) entry.contacts.set(id, row);
    else entry.contacts.delete(id);
  }
}

function setCase(entry: Entry, row: CaseRow) {
  deleteCase(entry, row.caseId);
  entry.cases.set(row.caseId, row);
  const ids = entry.casesOf.get(row.contactId) ?? new Set<string>();
  ids.add(row.caseId);
  entry.casesOf.set(row.contactId, ids);
}

function deleteCase(entry: Entry, caseId: string) {
  const old = entry.cases.get(caseId);
  if (!old) return;
  entry.cases.delete(caseId);
  const ids = entry.casesOf.get(old.contactId);
  ids?.delete(caseId);
  if (ids?.size === 0) entry.casesOf.delete(old.contactId);
}
