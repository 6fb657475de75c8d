import type { PaperFormat, SlipSerial } from '../../shared/model/slip.ts';
import type { SlipEvent, SlipId } from '../../shared/model/slipEvents.ts';
import type { Staff } from '../../shared/model/reference.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { reprintPayload } from '../../shared/rules/slips/fold.ts';
import { newRatingToken } from '../../shared/rules/slips/ratingLink.ts';
import { deskCodeOf, formatSerial, nextSlipSequence, type SlipSequences } from '../../shared/rules/slips/serial.ts';
import type { StaffSession } from '../../shared/sync/staffAuth.ts';
import { appendEvents } from './append.ts';
import type { Author } from './author.ts';
import { today } from './calendar.ts';
import type { DeskDb } from './db.ts';
import { readDevice } from './device.ts';
import { newId } from './ids.ts';
import { checklistGivenDraft } from './operations.ts';
import { preloadInitials } from './pinyin.ts';
import { projectionTables } from './projections.ts';
import { SlipError, slipSources, subjectOf, type SlipRequest } from './slipSources.ts';

// Issuing and reprinting slips (一次性告知, chapter 3). The serial's desk-local sequence is raised in the SAME
// transaction that records the slip.printed event: either both are stored or neither, so a crash between them can
// neither lose a printed slip's record nor hand one number to two slips (see shared/rules/slips/serial.ts).

const SEQUENCES_KEY = 'slipSequences';

async function readSequences(db: DeskDb): Promise<SlipSequences | undefined> {
  return (await db.meta.get(SEQUENCES_KEY))?.value as SlipSequences | undefined;
}

async function serialFor(db: DeskDb, bureauCode: string, day: IsoDate, seq: number): Promise<SlipSerial> {
  const { deviceId } = await readDevice(db);
  return formatSerial({ bureauCode, deskCode: deskCodeOf(deviceId), year: Number(day.slice(0, 4)), seq });
}

/** The slip as it would be printed now, with the next free serial: for the preview; writes nothing. */
export async function previewSlip(db: DeskDb, staff: Staff, request: SlipRequest) {
  const sources = await slipSources(db, staff, request);
  const day = today();
  const { seq } = nextSlipSequence(await readSequences(db), Number(day.slice(0, 4)));
  // A token of its own, never stored: only the first print's token is ever registered at HQ.
  return sources.compose(await serialFor(db, sources.settings.bureauCode, day, seq), day, newRatingToken());
}

/** Compose the slip, give it the next serial of this desk, and record its first print. */
export async function issueSlip(
  db: DeskDb,
  staff: Staff,
  request: SlipRequest,
  format: PaperFormat,
  session?: StaffSession | null,
): Promise<SlipEvent> {
  // appendEvents loads the pinyin helper before its transaction; load it before ours, which encloses it.
  await preloadInitials();
  return db.transaction('rw', [db.events, db.outbox, db.meta, ...projectionTables(db)], async () => {
    const sources = await slipSources(db, staff, request);
    const day = today();
    const { seq, sequences } = nextSlipSequence(await readSequences(db), Number(day.slice(0, 4)));
    const serial = await serialFor(db, sources.settings.bureauCode, day, seq);
    // Issue 13: the QR rating token is made here, once, and kept in the content that every reprint prints again.
    const token = newRatingToken();
    await db.meta.put({ key: SEQUENCES_KEY, value: sequences });
    const [event] = await appendEvents(db, { staffId: staff.id, session }, [
      {
        type: 'slip.printed',
        aggregateId: newId(),
        payload: { serial, subject: subjectOf(request), format, content: sources.compose(serial, day, token), reprint: 0 },
      },
      // art. 10: a checklist printed from a contact is recorded on the contact too, with the slip or not at all.
      ...(request.kind === 'checklist' && 'contactId' in request
        ? [
            checklistGivenDraft(request.contactId, {
              serviceItemId: request.serviceItemId,
              catalogRev: request.catalogRev,
              how: 'printed',
            }),
          ]
        : []),
    ]);
    return event as SlipEvent;
  });
}

/** Record a reprint: the same content and serial as the first print, counted (the paper says 补打（第N次）). */
export async function reprintSlip(
  db: DeskDb,
  author: Author,
  slipId: SlipId | string,
  format: PaperFormat,
): Promise<SlipEvent> {
  await preloadInitials();
  return db.transaction('rw', [db.events, db.outbox, db.meta, ...projectionTables(db)], async () => {
    const row = await db.slips.get(slipId);
    if (!row) throw new SlipError('slipMissing');
    const [event] = await appendEvents(db, author, [
      { type: 'slip.printed', aggregateId: row.slipId, payload: reprintPayload(row, format) },
    ]);
    return event as SlipEvent;
  });
}
