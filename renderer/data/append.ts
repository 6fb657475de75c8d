import type { z } from 'zod';
import { deskEventSchema, EVENT_VERSIONS, aggregateOf, type DeskEvent, type EventDraft } from '../../shared/model/events.ts';
import { compareHlc, formatHlc, parseHlc, tickHlc, type Hlc } from '../../shared/sync/hlc.ts';
import { computeProofMac } from '../../shared/sync/staffAuth.ts';
import { addToLog, aggregateKey, readAggregateLogs } from './aggregateLogs.ts';
import { authorId, liveSession, requireSessionFor, type Author } from './author.ts';
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
 *
 * An author with a live staff session gets a proof on every event (issue 11): HMAC over the event as stored and
 * pushed, computed synchronously inside the transaction. A privileged decision without one is refused before
 * anything is written (SessionRequiredError): the server would refuse it anyway.
 */
export async function appendEvents(
  db: DeskDb,
  author: Author,
  drafts: readonly EventDraft[],
  now: Date = new Date(),
): Promise<DeskEvent[]> {
  requireSessionFor(author, drafts.map((d) => d.type), now);
  const staffId = authorId(author);
  const session = liveSession(author, now);
  await preloadInitials();
  return db.transaction('rw', [db.events, db.outbox, db.meta, ...projectionTables(db)], async () => {
    const device = await readDevice(db);
    let clock = parseHlc(device.hlc);
    let seq = device.nextSeq;
    const occurredAt = localIso(now);
    const logs = await readAggregateLogs(
      db,
      drafts.map((d) => ({ aggregate: aggregateOf(d.type), aggregateId: d.aggregateId })),
    );
    const latest = new Map([...logs].map(([key, log]) => [key, latestHlc(log.map((s) => s.event.hlc))]));
    const events: DeskEvent[] = drafts.map((draft) => {
      clock = tickHlc(clock, now.getTime());
      const key = aggregateKey(aggregateOf(draft.type), draft.aggregateId);
      // An action sorts after everything this desk knows of its aggregate, even when that came from a desk whose
      // clock runs ahead (which receiveHlc rightly does not follow) or this desk's clock runs behind: otherwise
      // every replica would fold it before the event it acts upon. Only this event follows; the device clock
      // does not, so one desk's wrong clock never drags the others'.
      const hlc = formatHlc(after(clock, latest.get(key)));
      latest.set(key, hlc);
      const parsed = deskEventSchema.safeParse({
        eventId: newId(now.getTime()),
        aggregate: aggregateOf(draft.type),
        aggregateId: draft.aggregateId,
        type: draft.type,
        v: EVENT_VERSIONS[draft.type],
        hlc,
        deviceId: device.deviceId,
        deviceSeq: seq++,
        staffId,
        occurredAt,
        payload: draft.payload,
      });
      // Throwing inside the transaction aborts it: nothing of this action is stored.
      if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
      if (!session) return parsed.data;
      // Over the parsed event, which is exactly what is stored, pushed and re-parsed by the server.
      return { ...parsed.data, proof: { sessionId: session.sessionId, mac: computeProofMac(session.key, parsed.data) } };
    });
    const rows = events.map((event) => ({
      eventId: event.eventId,
      aggregate: event.aggregate,
      aggregateId: event.aggregateId,
      event,
    }));
    await db.events.bulkAdd(rows);
    for (const row of rows) addToLog(logs, row);
    await db.outbox.bulkAdd(events.map((e) => ({ deviceSeq: e.deviceSeq, eventId: e.eventId })));
    await writeDevice(db, { ...device, nextSeq: seq, hlc: formatHlc(clock) });
    await refreshAggregates(db, events, logs);
    return events;
  });
}

function latestHlc(hlcs: readonly string[]): string | undefined {
  return hlcs.reduce<string | undefined>((max, h) => (max === undefined || compareHlc(h, max) > 0 ? h : max), undefined);
}

/** `clock`, or just after `floor` (same time, next counter, this node) when the clock is not past it. */
function after(clock: Hlc, floor: string | undefined): Hlc {
  if (floor === undefined) return clock;
  const f = parseHlc(floor);
  if (clock.ms > f.ms || (clock.ms === f.ms && clock.counter > f.counter)) return clock;
  return { ms: f.ms, counter: f.counter + 1, node: clock.node };
}
