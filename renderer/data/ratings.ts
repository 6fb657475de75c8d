import type { DeskEvent } from '../../shared/model/events.ts';
import type { ContactId, StaffId } from '../../shared/model/ids.ts';
import type { LowRatingReason, RatingLevel } from '../../shared/model/satisfaction.ts';
import { byCausalOrder } from '../../shared/rules/contact.ts';
import { servedContact } from '../../shared/rules/ratingService.ts';
import { appendEvents } from './append.ts';
import type { Author } from './author.ts';
import type { DeskDb } from './db.ts';
import { invalid } from './operations.ts';
import { getStaff } from './references.ts';

// The rule lives in shared/ (HQ refuses a pad rating of anyone else); re-exported for the pad's screens.
export { servedContact };

// 好差评 at the window (评价器): the applicant's rating of one service, written from the pad window into the desk's
// own database (it works offline and syncs like every other event).

type GivenEvent = Extract<DeskEvent, { type: 'rating.given' }>;

/** What the desk shows of a service's rating: the one that stands (一次一评) and how many later ones were refused. */
export interface ServiceRating {
  /** null: the applicant declined (未评). */
  readonly level: RatingLevel | null;
  readonly reasons: readonly LowRatingReason[];
  readonly ratedStaffId: StaffId;
  readonly at: string;
  readonly eventId: string;
  /** Later rating.given events of the same service: kept on the log, flagged, never counted. */
  readonly duplicates: number;
}

/** The first rating of the service in causal order stands, on every replica alike; later ones are duplicates. */
export function serviceRatingOf(events: readonly DeskEvent[]): ServiceRating | null {
  const given = events
    .filter((e): e is GivenEvent => e.type === 'rating.given')
    .filter((e, i, all) => all.findIndex((o) => o.eventId === e.eventId) === i)
    .sort(byCausalOrder);
  const [first] = given;
  if (!first) return null;
  return {
    level: first.payload.level,
    reasons: first.payload.reasons,
    ratedStaffId: first.payload.ratedStaffId,
    at: first.occurredAt,
    eventId: first.eventId,
    duplicates: given.length - 1,
  };
}

export async function readServiceRating(db: DeskDb, contactId: string): Promise<ServiceRating | null> {
  const rows = await db.events.where('[aggregate+aggregateId]').equals(['rating', contactId]).toArray();
  return serviceRatingOf(rows.map((r) => r.event));
}

/**
 * Throws (InvalidEventError with an i18n key) unless this desk knows the service, the person rated is active and
 * served it, and it has no rating yet: the pad asks before it shows anything, and again before it records.
 */
export async function checkRatable(db: DeskDb, contactId: string, ratedStaffId: string): Promise<void> {
  const contact = await db.contacts.get(contactId);
  if (!contact) throw invalid('contactId', 'ratingNoSuchService');
  const rated = await getStaff(db, ratedStaffId);
  if (!rated?.active || !servedContact(contact, rated.id)) throw invalid('ratedStaffId', 'ratingNotServedBy');
  if (await readServiceRating(db, contactId)) throw invalid('contactId', 'ratingAlreadyGiven');
}

export interface PadRatingInput {
  readonly contactId: ContactId;
  readonly ratedStaffId: StaffId;
  /** null: declined (不评价 → 未评). */
  readonly level: RatingLevel | null;
  readonly reasons: readonly LowRatingReason[];
  readonly comment?: string;
}

/**
 * Record the applicant's rating from the pad. The author is the clerk signed in at the desk that asked for it:
 * the pad has no sign-in of its own and nobody at the pad is staff. That is acceptable because the pad is the only
 * path that records a rating at the window (no desk screen offers one), a rating is never edited (there is no
 * event for it), and HQ refuses a rating of a contact it does not hold, of someone who did not serve it, or of a
 * service already rated (server/src/sync/padRatingCheck.ts).
 * A service already rated here is refused before anything is written (一次一评); one rated concurrently elsewhere
 * is refused at HQ when it arrives second (the desk lists the refusal).
 */
export async function recordPadRating(db: DeskDb, recorder: Author, input: PadRatingInput): Promise<void> {
  await checkRatable(db, input.contactId, input.ratedStaffId);
  await appendEvents(db, recorder, [
    {
      type: 'rating.given',
      aggregateId: input.contactId,
      payload: {
        service: { kind: 'contact', id: input.contactId },
        ratedStaffId: input.ratedStaffId,
        source: 'pad',
        level: input.level,
        reasons: [...input.reasons],
        comment: input.level === null ? undefined : input.comment,
      },
    },
  ]);
}
