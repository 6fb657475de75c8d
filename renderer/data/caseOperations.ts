import type { CaseId, Intake } from '../../shared/model/caseEvents.ts';
import type { ServiceItem } from '../../shared/model/catalog.ts';
import { PAUSE_REASONS, type PauseReason } from '../../shared/model/deadline.ts';
import type { NOTIFY_CHANNELS } from '../../shared/model/contactEvents.ts';
import { openPause, pendingExtension } from '../../shared/rules/case.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { appendEvents } from './append.ts';
import { authorId, type Author } from './author.ts';
import { today } from './calendar.ts';
import { readCatalogVersion } from './catalogVersions.ts';
import { deemedAcceptedOn, dueDatePassed, extensionTooLate } from './caseTimes.ts';
import type { CaseRow, ContactRow, DeskDb } from './db.ts';
import { newId } from './ids.ts';
import { invalid, leader } from './operations.ts';

// The operations of a case (限时办结, chapter 4). Each checks what the rules need, then appends its event;
// a refused action changes nothing. Ending a case (rejection, withdrawal, closure) is in caseEndings.ts.

type Check = { materialId: string; state: 'received' | 'missing' | 'nonConforming'; note?: string };

async function activeItem(db: DeskDb, id: string): Promise<{ item: ServiceItem; rev: number }> {
  const row = await db.refs.get(['serviceItem', id]);
  if (!row || row.doc.kind !== 'serviceItem' || !row.doc.body.active) throw invalid('serviceItemId', 'serviceItemRequired');
  return { item: row.doc.body, rev: row.doc.rev };
}

/**
 * The catalog item a case is worked under: the version it was opened with (its materials and steps, item 12), or the
 * current one when this desk does not know that version.
 */
export async function itemOfCase(db: DeskDb, row: CaseRow): Promise<ServiceItem> {
  const version = await readCatalogVersion(db, row.serviceItemId, row.catalogRev);
  if (version) return version;
  const ref = await db.refs.get(['serviceItem', row.serviceItemId]);
  if (!ref || ref.doc.kind !== 'serviceItem') throw invalid('serviceItemId', 'serviceItemRequired');
  return ref.doc.body;
}

export async function caseOf(db: DeskDb, caseId: string): Promise<CaseRow> {
  const row = await db.cases.get(caseId);
  if (!row) throw invalid('form', 'caseMissing');
  return row;
}

export interface OpenCaseOptions {
  /** The day the materials were received; not after today. */
  receivedOn?: IsoDate;
  intake?: Intake;
}

/**
 * How a case opened from this contact starts, unless the clerk says otherwise: a visitor's materials are checked
 * with them at the window (art. 11 立即告知); a letter, an online submission or a call leaves them for review
 * (行政许可法 §32). A letter or online submission was received the day it was registered.
 */
export function openCaseDefaults(contact: Pick<ContactRow, 'channel' | 'openedDay'>, day: IsoDate = today()) {
  const intake: Intake = contact.channel === 'visit' ? 'inPerson' : 'leftForReview';
  const sentIn = contact.channel === 'letter' || contact.channel === 'online';
  const receivedOn = (sentIn && contact.openedDay <= day ? contact.openedDay : day) as IsoDate;
  return { intake, receivedOn };
}

/**
 * Open a case from a contact for a catalog item, with the item's current version and its limits. Opening the case
 * is the contact's disposition (issue 12, item 7): both events go in one append, so neither exists without the other.
 */
export async function openCase(
  db: DeskDb,
  author: Author,
  contactId: string,
  serviceItemId: string,
  options: OpenCaseOptions = {},
): Promise<CaseId> {
  const contact = await db.contacts.get(contactId);
  if (!contact) throw invalid('form', 'contactMissing');
  const { item, rev } = await activeItem(db, serviceItemId);
  const defaults = openCaseDefaults(contact);
  const receivedOn = options.receivedOn ?? defaults.receivedOn;
  if (receivedOn > today()) throw invalid('receivedOn', 'receivedInFuture');
  // The contact is the first record of the application: materials cannot have come in before it (a day earlier
  // would also start a deemed acceptance's clock from a day nobody recorded).
  if (receivedOn < contact.openedDay) throw invalid('receivedOn', 'receivedBeforeContact');
  const caseId = newId() as CaseId;
  await appendEvents(db, author, [
    {
      type: 'case.opened',
      aggregateId: caseId,
      payload: {
        contactId,
        serviceItemId: item.id,
        catalogRev: rev,
        receivedOn,
        intake: options.intake ?? defaults.intake,
        promisedLimitDays: item.promisedLimitDays,
        statutoryLimitDays: item.statutoryLimitDays,
      },
    },
    { type: 'contact.caseOpened', aggregateId: contactId, payload: { caseId, serviceItemId: item.id } },
  ]);
  return caseId;
}

export async function checkMaterials(db: DeskDb, author: Author, caseId: string, checks: Check[]) {
  await appendEvents(db, author, [{ type: 'case.materialsChecked', aggregateId: caseId, payload: { checks } }]);
}

/** Required materials not (yet) received in conforming form, per the checks recorded so far. */
export async function outstandingMaterials(db: DeskDb, row: CaseRow): Promise<string[]> {
  const item = await itemOfCase(db, row);
  return item.materials.filter((m) => m.requirement === 'required' && row.checks[m.id]?.state !== 'received').map((m) => m.id);
}

/** The limits of the case's catalog version as recorded when it was opened (older cases: the item's). */
/** Refuses an act that needs a running case (the fold would only flag it as a conflict). */
function mustRun(row: CaseRow) {
  if (row.status !== 'running') throw invalid('form', 'notRunning');
}

/** Refuses an acceptance of a case that is not being checked (accepted, ended, or waiting for a leader). */
function mustBeUnanswered(row: CaseRow) {
  if (row.status !== 'checking' && row.status !== 'supplementRequested') throw invalid('form', 'notAcceptable');
}

async function limitsOf(db: DeskDb, row: CaseRow) {
  if (row.openedLimits) return row.openedLimits;
  const item = await itemOfCase(db, row);
  return { promisedLimitDays: item.promisedLimitDays, statutoryLimitDays: item.statutoryLimitDays };
}

/**
 * art. 11: complete and conforming → accept at once; the clock runs from the next working day. Once the application
 * counts as accepted (行政许可法 §32: no supplement notice within the legal limit), acceptance is the deemed one,
 * from the day of receipt, whatever the materials.
 */
export async function acceptCase(db: DeskDb, author: Author, caseId: string) {
  const row = await caseOf(db, caseId);
  mustBeUnanswered(row);
  if (deemedAcceptedOn(row, today())) return acceptAsDeemed(db, author, caseId);
  if ((await outstandingMaterials(db, row)).length > 0) throw invalid('form', 'materialsIncomplete');
  await appendEvents(db, author, [
    { type: 'case.accepted', aggregateId: caseId, payload: { acceptedOn: today(), ...(await limitsOf(db, row)) } },
  ]);
}

// 行政许可法 §32 (issue 12, decision 1): not told within the limit → accepted from the day the materials came in.
export async function acceptAsDeemed(db: DeskDb, author: Author, caseId: string) {
  const row = await caseOf(db, caseId);
  mustBeUnanswered(row);
  const deemedOn = deemedAcceptedOn(row, today());
  if (!deemedOn) throw invalid('form', 'notDeemedAccepted');
  await appendEvents(db, author, [
    {
      type: 'case.accepted',
      aggregateId: caseId,
      payload: { acceptedOn: deemedOn, deemed: true, ...(await limitsOf(db, row)) },
    },
  ]);
}

// art. 11 / 一次性告知: one notice listing exactly what is missing or non-conforming, never after the legal limit.
export async function requestSupplement(db: DeskDb, author: Author, caseId: string) {
  const row = await caseOf(db, caseId);
  if (row.status !== 'checking') throw invalid('form', row.supplement ? 'supplementOnlyOnce' : 'supplementNotNow');
  if (deemedAcceptedOn(row, today())) throw invalid('form', 'supplementTooLate');
  const item = await itemOfCase(db, row);
  const materialIds = item.materials
    .filter((m) => {
      const state = row.checks[m.id]?.state;
      return state === 'missing' || state === 'nonConforming';
    })
    .map((m) => m.id);
  await appendEvents(db, author, [
    { type: 'case.supplementRequested', aggregateId: caseId, payload: { requestedOn: today(), materialIds } },
  ]);
}

// art. 10–11: the clock stops only for what the law excludes from it; never "for 补正" (one supplement, before acceptance).
export async function pauseCase(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { from: IsoDate; reason: PauseReason; note: string },
) {
  if (!(PAUSE_REASONS as readonly string[]).includes(input.reason)) throw invalid('reason', 'pauseReasonNotAllowed');
  const row = await caseOf(db, caseId);
  mustRun(row);
  // A pause is recorded when it begins or after: one dated ahead would stop the clock for days that have not come.
  if (input.from > today()) throw invalid('from', 'pauseInFuture');
  if (row.acceptance && input.from < row.acceptance.acceptedOn) throw invalid('from', 'pauseBeforeAcceptance');
  // art. 18(1): once the due date has passed the case is late; a pause recorded then (dated back or not) adds nothing.
  const due = dueDatePassed(row, today());
  if (due) throw invalid(input.from > due ? 'from' : 'form', 'pauseAfterDue');
  // The rules count a pause from the day it was recorded at the earliest: a day typed further back would be shown
  // here and counted differently there, so the desk refuses it.
  if (input.from < today()) throw invalid('from', 'pauseBackdated');
  await appendEvents(db, author, [{ type: 'case.paused', aggregateId: caseId, payload: input }]);
}

export async function resumeCase(db: DeskDb, author: Author, caseId: string, input: { on: IsoDate }) {
  const row = await caseOf(db, caseId);
  mustRun(row);
  // A resumption dated ahead would keep the clock stopped through days nobody has seen yet.
  if (input.on > today()) throw invalid('on', 'resumeInFuture');
  const open = openPause(row);
  if (open && input.on < open.from) throw invalid('on', 'pauseEndsBeforeStart');
  if (row.acceptance && input.on < row.acceptance.acceptedOn) throw invalid('on', 'resumeBeforeAcceptance');
  await appendEvents(db, author, [{ type: 'case.resumed', aggregateId: caseId, payload: input }]);
}

// art. 17 / 18(2): an extension is requested with its reason and days, on or before the due date; a leader decides.
export async function requestExtension(db: DeskDb, author: Author, caseId: string, input: { days: number; reason: string }) {
  const row = await caseOf(db, caseId);
  mustRun(row);
  if (pendingExtension(row)) throw invalid('form', 'extensionAlreadyPending');
  if (extensionTooLate(row, today())) throw invalid('form', 'extensionAfterDue');
  await appendEvents(db, author, [{ type: 'case.extensionRequested', aggregateId: caseId, payload: input }]);
}

export async function decideExtension(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { decision: 'approved' | 'refused'; note?: string },
) {
  await leader(db, authorId(author), 'form');
  const row = await caseOf(db, caseId);
  const request = pendingExtension(row);
  if (!request) throw invalid('form', 'noPendingExtension');
  // art. 17–18: approved after the due date it adds no days, and the breach stays; a refusal may come at any time.
  if (input.decision === 'approved' && extensionTooLate(row, today())) throw invalid('form', 'extensionAfterDue');
  await appendEvents(db, author, [
    { type: 'case.extensionDecided', aggregateId: caseId, payload: { requestEventId: request.eventId, ...input } },
  ]);
}

// art. 16 环节时限: the running case begins its next procedure step today.
export async function advanceStep(db: DeskDb, author: Author, caseId: string) {
  const row = await caseOf(db, caseId);
  mustRun(row);
  const steps = (await itemOfCase(db, row)).procedure;
  const toStep = (row.steps.at(-1)?.step ?? 0) + 1;
  if (toStep >= steps.length) throw invalid('form', 'noNextStep');
  await appendEvents(db, author, [{ type: 'case.stepAdvanced', aggregateId: caseId, payload: { toStep, on: today() } }]);
}

export async function notifyApplicant(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { about: 'extension' | 'result'; how: (typeof NOTIFY_CHANNELS)[number]; note?: string },
) {
  await appendEvents(db, author, [{ type: 'case.applicantNotified', aggregateId: caseId, payload: input }]);
}

export async function completeCase(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { outcome: 'granted' | 'notGranted' | 'done'; result: string },
) {
  mustRun(await caseOf(db, caseId));
  await appendEvents(db, author, [
    { type: 'case.completed', aggregateId: caseId, payload: { completedOn: today(), ...input } },
  ]);
}
