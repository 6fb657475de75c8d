// Fills an HQ database fast, through the storage layer (the same transaction and sequence allocation a push
// uses, without HTTP and per-event authorisation), for the large-sync tests and benches.
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import type { Db } from '../../../server/src/storage/db.ts';
import { appendEvents } from '../../../server/src/storage/events.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import {
  makeContactAnswered,
  makeContactEvent,
  makeContactOpened,
  makeContactTransferred,
  newDeviceId,
  type ContactOpened,
} from '../../fixtures/events.ts';

const CHUNK = 5000;

/**
 * `count` contact.opened events of one device, each of its own visitor (a name and a phone of its own), as a
 * year of a busy window would bring; one visitor with 100,000 contacts would measure something else.
 */
export function manyContacts(count: number, options: { deviceId?: string; firstSeq?: number } = {}): ContactOpened[] {
  const deviceId = options.deviceId ?? newDeviceId();
  const firstSeq = options.firstSeq ?? 1;
  const at = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const n = firstSeq + i;
    return makeContactOpened({
      deviceId,
      deviceSeq: n,
      staffId: DEMO_STAFF.windowClerk,
      at: at + i,
      visitor: { name: `访客${n}`, phone: `139${String(n).padStart(8, '0')}` },
    });
  });
}

/**
 * About `count` events of a register as a window works it: ten contacts in a row are answered at once (four),
 * transferred and accepted (three), transferred and sent back (one) or still open (two), and a
 * visitor comes back about three times. About two events per contact: what an initial pull of a real log meets.
 * By default every event happens now, a millisecond apart; `spread` spaces them out (e.g. over a year).
 */
export function registerMix(
  count: number,
  spread: { from: number; stepMs: number } = { from: Date.now(), stepMs: 1 },
): DeskEvent[] {
  const deviceId = newDeviceId();
  let seq = 0;
  const stamp = (staffId: string) => {
    seq += 1;
    return { deviceId, deviceSeq: seq, staffId, at: spread.from + seq * spread.stepMs };
  };
  const clerk = DEMO_STAFF.windowClerk;
  const handler = DEMO_STAFF.highTechHandler;
  const visitors = Math.max(1, Math.floor(count / 6));
  const events: DeskEvent[] = [];
  for (let c = 0; events.length < count; c++) {
    const v = c % visitors;
    const opened = makeContactOpened({
      ...stamp(clerk),
      visitor: { name: `访客${v}`, phone: `139${String(v).padStart(8, '0')}` },
    });
    const contactId = opened.aggregateId;
    events.push(opened);
    const kind = c % 10;
    if (kind < 4) events.push(makeContactAnswered({ ...stamp(clerk), contactId }));
    else if (kind < 8) {
      const transferred = makeContactTransferred({
        ...stamp(clerk),
        contactId,
        toDepartmentId: 'dept-high-tech',
        toStaffId: handler,
      });
      events.push(transferred);
      const transferEventId = transferred.eventId;
      events.push(
        kind < 7
          ? makeContactEvent({ ...stamp(handler), contactId }, 'contact.transferAccepted', { transferEventId })
          : makeContactEvent({ ...stamp(handler), contactId }, 'contact.transferReturned', {
              transferEventId,
              reason: '属于成果转化科职责',
            }),
      );
    }
  }
  return events.slice(0, count);
}

/** Store the events as pushes of one device would, in chunks; returns their eventIds in commit order. */
export async function storeEvents(db: Db, events: readonly DeskEvent[]): Promise<string[]> {
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    const last = chunk.at(-1)!;
    await appendEvents(db, {
      deviceId: last.deviceId,
      events: chunk.map((event) => ({ event, flags: null })),
      settledDeviceSeq: last.deviceSeq,
      receivedAt: new Date().toISOString(),
      judgeExisting: () => null,
    });
  }
  return events.map((e) => e.eventId);
}
