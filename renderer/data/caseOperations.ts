import type { CaseId } from '../../shared/model/caseEvents.ts';
import type { ServiceItem } from '../../shared/model/catalog.ts';
import type { PauseReason } from '../../shared/model/deadline.ts';
import type { AgencyId } from '../../shared/model/ids.ts';
import type { NOTIFY_CHANNELS } from '../../shared/model/contactEvents.ts';
import { openPause, pendingExtension } from '../../shared/rules/case.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { appendEvents } from './append.ts';
import { authorId, type Author } from './author.ts';
import { today } from './calendar.ts';
import type { CaseRow, DeskDb } from './db.ts';
import { newId } from './ids.ts';
import { invalid, leader } from './operations.ts';

// The operations of a case (限时办结, chapter 4). Each checks what the rules need, then appends its event;
// a refused action changes nothing.

type Check = { materialId: string; state: 'received' | 'missing' | 'nonConforming'; note?: string };

async function serviceItem(db: DeskDb, id: string): Promise<{ item: ServiceItem; rev: number }> {
  const row = await db.refs.get(['serviceItem', id]);
  if (!row || row.doc.kind !== 'serviceItem' || !row.doc.body.active) throw invalid('serviceItemId', 'serviceItemRequired');
  return { item: row.doc.body, rev: row.doc.rev };
}

async function caseOf(db: DeskDb, caseId: string): Promise<CaseRow> {
  const row = await db.cases.get(caseId);
  if (!row) throw invalid('form', 'caseMissing');
  return row;
}

/** Open a case from a contact for a catalog item; the item's current version is recorded with it. */
export async function openCase(db: DeskDb, author: Author, contactId: string, serviceItemId: string): Promise<CaseId> {
  const { item, rev } = await serviceItem(db, serviceItemId);
  const caseId = newId() as CaseId;
  await appendEvents(db, author, [
    { type: 'case.opened', aggregateId: caseId, payload: { contactId, serviceItemId: item.id, catalogRev: rev } },
  ]);
  return caseId;
}

export async function checkMaterials(db: DeskDb, author: Author, caseId: string, checks: Check[]) {
  await appendEvents(db, author, [{ type: 'case.materialsChecked', aggregateId: caseId, payload: { checks } }]);
}

/** Required materials not (yet) received in conforming form, per the checks recorded so far. */
export async function outstandingMaterials(db: DeskDb, row: CaseRow): Promise<string[]> {
  const { item } = await serviceItem(db, row.serviceItemId);
  return item.materials.filter((m) => m.requirement === 'required' && row.checks[m.id]?.state !== 'received').map((m) => m.id);
}

// art. 11: complete and conforming → accept at once; the clock runs from the next working day.
export async function acceptCase(db: DeskDb, author: Author, caseId: string) {
  const row = await caseOf(db, caseId);
  if ((await outstandingMaterials(db, row)).length > 0) throw invalid('form', 'materialsIncomplete');
  const { item } = await serviceItem(db, row.serviceItemId);
  await appendEvents(db, author, [
    {
      type: 'case.accepted',
      aggregateId: caseId,
      payload: { acceptedOn: today(), promisedLimitDays: item.promisedLimitDays, statutoryLimitDays: item.statutoryLimitDays },
    },
  ]);
}

// art. 11 / 一次性告知: one notice listing exactly what is missing or non-conforming.
export async function requestSupplement(db: DeskDb, author: Author, caseId: string) {
  const row = await caseOf(db, caseId);
  const { item } = await serviceItem(db, row.serviceItemId);
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

export async function rejectCase(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { reason: string; legalBasis: string; competentAgencyId?: AgencyId },
) {
  await appendEvents(db, author, [{ type: 'case.rejected', aggregateId: caseId, payload: input }]);
}

export async function pauseCase(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { from: IsoDate; reason: PauseReason; note: string },
) {
  const row = await caseOf(db, caseId);
  if (row.acceptance && input.from < row.acceptance.acceptedOn) throw invalid('from', 'pauseBeforeAcceptance');
  await appendEvents(db, author, [{ type: 'case.paused', aggregateId: caseId, payload: input }]);
}

export async function resumeCase(db: DeskDb, author: Author, caseId: string, input: { on: IsoDate }) {
  const open = openPause(await caseOf(db, caseId));
  if (open && input.on < open.from) throw invalid('on', 'pauseEndsBeforeStart');
  await appendEvents(db, author, [{ type: 'case.resumed', aggregateId: caseId, payload: input }]);
}

// art. 17: an extension is requested with its reason and days; a leader decides.
export async function requestExtension(db: DeskDb, author: Author, caseId: string, input: { days: number; reason: string }) {
  await appendEvents(db, author, [{ type: 'case.extensionRequested', aggregateId: caseId, payload: input }]);
}

export async function decideExtension(
  db: DeskDb,
  author: Author,
  caseId: string,
  input: { decision: 'approved' | 'refused'; note?: string },
) {
  await leader(db, authorId(author), 'form');
  const request = pendingExtension(await caseOf(db, caseId));
  if (!request) throw invalid('form', 'noPendingExtension');
  await appendEvents(db, author, [
    { type: 'case.extensionDecided', aggregateId: caseId, payload: { requestEventId: request.eventId, ...input } },
  ]);
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
  await appendEvents(db, author, [
    { type: 'case.completed', aggregateId: caseId, payload: { completedOn: today(), ...input } },
  ]);
}
