import type { z } from 'zod';
import { deskEventSchema, EVENT_VERSIONS, aggregateOf, type DeskEvent, type EventDraft } from '../../shared/model/events.ts';
import type { StaffId } from '../../shared/model/ids.ts';
import { formatHlc, parseHlc, tickHlc } from '../../shared/sync/hlc.ts';
import type { DeskDb } from './db.ts';
import { readDevice, writeDevice } from './device.ts';
import { newId } from './ids.ts';
import { preloadInitials } from './pinyin.ts';
import { projectionTables, refreshAggregates } from './projections.ts';
import { localIso } from './time.ts';

/** Thrown when a draft fails the shared schema; `issues` carry i18n keys (errors.*) where the schema set one. */
export class InvalidEventError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    this.name = 'InvalidEventError';
  }
}

/**
 * Append events and update their projections in ONE transaction: either the clerk's action is
 * fully recorded (events, outbox, projection, device counters) or nothing is. A crash or reload
 * in between leaves no half-written action because IndexedDB commits a transaction atomically.
 */
export async function appendEvents(
  db: DeskDb,
  staffId: StaffId,
  drafts: readonly EventDraft[],
  now: Date = new Date(),
): Promise<DeskEvent[]> {
  await preloadInitials();
  return db.transaction('rw', [db.events, db.outbox, db.meta, ...projectionTables(db)], async () => {
    const device = await readDevice(db);
    let clock = parseHlc(device.hlc);
    let seq = device.nextSeq;
    const occurredAt = localIso(now);
    const events: DeskEvent[] = drafts.map((draft) => {
      clock = tickHlc(clock, now.getTime());
      const parsed = deskEventSchema.safeParse({
        eventId: newId(now.getTime()),
        aggregate: aggregateOf(draft.type),
        aggregateId: draft.aggregateId,
        type: draft.type,
        v: EVENT_VERSIONS[draft.type],
        hlc: formatHlc(clock),
        deviceId: device.deviceId,
        deviceSeq: seq++,
        staffId,
        occurredAt,
        payload: draft.payload,
      });
      // Throwing inside the transaction aborts it: nothing of this action is stored.
      if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
      return parsed.data;
    });
    await db.events.bulkAdd(
      events.map((event) => ({ eventId: event.eventId, aggregate: event.aggregate, aggregateId: event.aggregateId, event })),
    );
    await db.outbox.bulkAdd(events.map((e) => ({ deviceSeq: e.deviceSeq, eventId: e.eventId })));
    await writeDevice(db, { ...device, nextSeq: seq, hlc: formatHlc(clock) });
    await refreshAggregates(db, events);
    return events;
  });
}
