import type { DeskEvent, DeskEventType } from '../../shared/model/events.ts';
import type { DeskDb, RejectedRow } from './db.ts';
import { localIso } from './time.ts';

// Events the server refused. They never block the queue, and they stay: the rejected row and the event itself are
// the audit trail of what the desk did and what HQ said. A person acknowledges each one ("知道了") once they have
// seen it and done what it asks; the acknowledgement is recorded beside it, and the row only leaves the
// "needs attention" count.

const ACKS_KEY = 'rejectionAcks';

export interface RejectionAck {
  readonly at: string;
  /** Who acknowledged it (the person signed in at the time). */
  readonly staffId: string;
}

/** A refused event with what a person needs to resolve it: what it was, when, and which contact it concerns. */
export interface RejectionEntry extends RejectedRow {
  readonly eventType?: DeskEventType;
  /** When the clerk acted, on the desk's clock. */
  readonly occurredAt?: string;
  /** Who acted. */
  readonly staffId?: string;
  /** The contact to open for this event: its own, its case's, or its slip's subject's. */
  readonly contactId?: string;
  /** Who that contact was: the visitor's name, or their organisation. */
  readonly visitor?: string;
  readonly caseId?: string;
  /** For events of the catalog or the calendar: the item or the year they changed. */
  readonly referenceId?: string;
  readonly acknowledged?: RejectionAck;
}

async function readAcks(db: DeskDb): Promise<Record<string, RejectionAck>> {
  return ((await db.meta.get(ACKS_KEY))?.value as Record<string, RejectionAck> | undefined) ?? {};
}

type Concerns = Pick<RejectionEntry, 'contactId' | 'visitor' | 'caseId' | 'referenceId'>;

async function withVisitor(db: DeskDb, found: Concerns): Promise<Concerns> {
  if (!found.contactId) return found;
  const visitor = (await db.contacts.get(found.contactId))?.visitor;
  const name = visitor?.name ?? visitor?.organisation;
  return name ? { ...found, visitor: name } : found;
}

async function concerns(db: DeskDb, event: DeskEvent): Promise<Concerns> {
  const ofCase = async (caseId: string) => ({ caseId, contactId: (await db.cases.get(caseId))?.contactId });
  switch (event.aggregate) {
    case 'contact':
      return { contactId: event.aggregateId };
    case 'case':
      return ofCase(event.aggregateId);
    case 'slip': {
      const subject = event.type === 'slip.printed' ? event.payload.subject : undefined;
      if (subject?.kind === 'contact') return { contactId: subject.contactId };
      return subject ? ofCase(subject.caseId) : {};
    }
    default:
      return { referenceId: event.aggregateId };
  }
}

/** Every refused event, the ones still needing attention first, then newest refusal first. */
export async function listRejections(db: DeskDb): Promise<RejectionEntry[]> {
  const rows = await db.rejected.toArray();
  const stored = await db.events.bulkGet(rows.map((r) => r.eventId));
  const acks = await readAcks(db);
  const entries = await Promise.all(
    rows.map(async (row, i): Promise<RejectionEntry> => {
      const event = stored[i]?.event;
      const acknowledged = acks[row.eventId];
      return {
        ...row,
        ...(event
          ? {
              eventType: event.type,
              occurredAt: event.occurredAt,
              staffId: event.staffId,
              ...(await withVisitor(db, await concerns(db, event))),
            }
          : {}),
        ...(acknowledged ? { acknowledged } : {}),
      };
    }),
  );
  return entries.sort((a, b) => {
    if (Boolean(a.acknowledged) !== Boolean(b.acknowledged)) return a.acknowledged ? 1 : -1;
    return a.at < b.at ? 1 : a.at > b.at ? -1 : 0;
  });
}

/** How many refused events nobody has acknowledged yet (the indicator's "N 条被退回"). */
export async function countRejectionsNeedingAttention(db: DeskDb): Promise<number> {
  const acks = await readAcks(db);
  const ids = await db.rejected.toCollection().primaryKeys();
  return ids.filter((id) => !acks[id]).length;
}

/**
 * "知道了": record who acknowledged a refused event and when. The rejected row and the event stay untouched. A
 * second acknowledgement keeps the first (the record says who saw it first); an unknown event id is refused.
 */
export async function acknowledgeRejection(
  db: DeskDb,
  eventId: string,
  staffId: string,
  at: Date = new Date(),
): Promise<RejectionAck> {
  return db.transaction('rw', [db.meta, db.rejected], async () => {
    if (!(await db.rejected.get(eventId))) throw new Error(`no refused event ${eventId}`);
    const acks = await readAcks(db);
    const existing = acks[eventId];
    if (existing) return existing;
    const ack: RejectionAck = { at: localIso(at), staffId };
    await db.meta.put({ key: ACKS_KEY, value: { ...acks, [eventId]: ack } });
    return ack;
  });
}
