import type { PaperFormat, SlipSerial } from '../../shared/model/slip.ts';
import type { SlipEvent, SlipId } from '../../shared/model/slipEvents.ts';
import type { Staff } from '../../shared/model/reference.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { reprintPayload } from '../../shared/rules/slips/fold.ts';
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
import { contentNeedsToken, keepToken, printedContent, tokenForPrint } from './slipTokens.ts';

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
  // A token of its own, never stored nor registered: the print makes the one HQ knows.
  const content = sources.compose(await serialFor(db, sources.settings.bureauCode, day, seq), day);
  return printedContent(content, (await tokenForPrint(db, undefined)).token);
}

/**
 * The print as recorded, its content as put on paper: the QR link completed with this desk's token, which the
 * stored and synced event never holds (issue 13). What the caller renders, prints or saves as PDF.
 */
function asPrinted(event: SlipEvent, token: string): SlipEvent {
  return { ...event, payload: { ...event.payload, content: printedContent(event.payload.content, token) } };
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
  const made = await tokenForPrint(db, undefined);
  const tables = [db.events, db.outbox, db.meta, db.slipTokens, ...projectionTables(db)];
  return db.transaction('rw', tables, async () => {
    const sources = await slipSources(db, staff, request);
    const day = today();
    const { seq, sequences } = nextSlipSequence(await readSequences(db), Number(day.slice(0, 4)));
    const serial = await serialFor(db, sources.settings.bureauCode, day, seq);
    const content = sources.compose(serial, day);
    const slipId = newId();
    // Issue 13: the rating token stays on this desk; the event carries only its hash, for HQ to register.
    const rated = contentNeedsToken(content) ? await keepToken(db, slipId, made) : undefined;
    await db.meta.put({ key: SEQUENCES_KEY, value: sequences });
    const [event] = await appendEvents(db, { staffId: staff.id, session }, [
      {
        type: 'slip.printed',
        aggregateId: slipId,
        payload: {
          serial,
          subject: subjectOf(request),
          format,
          content,
          reprint: 0,
          ...(rated ? { ratingTokenSha256: rated.tokenSha256 } : {}),
        },
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
    return asPrinted(event as SlipEvent, rated?.token ?? made.token);
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
  // This desk's token for the slip, or a new one if the slip was printed elsewhere (补打 on any desk).
  const made = await tokenForPrint(db, slipId);
  const tables = [db.events, db.outbox, db.meta, db.slipTokens, ...projectionTables(db)];
  return db.transaction('rw', tables, async () => {
    const row = await db.slips.get(slipId);
    if (!row) throw new SlipError('slipMissing');
    const rated = contentNeedsToken(row.content) ? await keepToken(db, row.slipId, made) : undefined;
    const payload = reprintPayload(row, format);
    const [event] = await appendEvents(db, author, [
      {
        type: 'slip.printed',
        aggregateId: row.slipId,
        payload: rated ? { ...payload, ratingTokenSha256: rated.tokenSha256 } : payload,
      },
    ]);
    return asPrinted(event as SlipEvent, rated?.token ?? made.token);
  });
}
