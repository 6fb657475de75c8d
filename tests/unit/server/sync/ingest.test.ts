import { describe, expect, it } from 'vitest';
import { EVENT_VERSIONS } from '../../../../shared/model/events.ts';
import { MAX_CLOCK_DRIFT_MS } from '../../../../shared/sync/hlc.ts';
import {
  checkEvent,
  judgeExisting,
  settledDeviceSeq,
  type CheckedEvent,
  type IngestContext,
} from '../../../../server/src/sync/ingest.ts';
import { testDirectory } from '../../../fixtures/directory.ts';
import {
  makeContactAnswered,
  makeContactEvent,
  makeContactOpened,
  newContactId,
  newDeviceId,
} from '../../../fixtures/events.ts';

const NOW = Date.parse('2026-03-02T09:30:00+08:00');
const desk = newDeviceId();
const ctx: IngestContext = { deviceId: desk, directory: testDirectory(), now: NOW };
const opened = (deviceSeq = 1, extra: Partial<Parameters<typeof makeContactOpened>[0]> = {}) =>
  makeContactOpened({ deviceId: desk, deviceSeq, staffId: 'zhang-wei', at: NOW - 60_000, ...extra });

function rejection(checked: CheckedEvent) {
  if (checked.ok) throw new Error('expected a rejection');
  return checked.rejection;
}

describe('checking each pushed event', () => {
  it('accepts a well-formed event of this desk by an active staff member, as the schema parsed it', () => {
    const event = opened();
    const raw = { ...event, payload: { ...event.payload, visitor: { name: '李先生', phone: '138 0013 8000' } } };
    const checked = checkEvent(raw, ctx);
    expect(checked).toMatchObject({ ok: true, flags: null });
    // stored as the zod output: the phone normalised, exactly what every desk will pull
    expect(checked.ok && checked.event.payload).toMatchObject({ visitor: { phone: '13800138000' } });
  });

  it('rejects something that is not an event at all, with a readable reason', () => {
    expect(rejection(checkEvent('hello', ctx))).toMatchObject({ eventId: '', deviceSeq: null, code: 'invalid-event' });
    const noHlc = { ...opened(), hlc: 'yesterday' };
    expect(rejection(checkEvent(noHlc, ctx))).toMatchObject({
      eventId: noHlc.eventId,
      deviceSeq: 1,
      code: 'invalid-event',
      message: 'hlc: must be an HLC timestamp',
    });
  });

  it('rejects a payload that breaks the shared schema and names the field', () => {
    const event = opened(3);
    const raw = { ...event, payload: { ...event.payload, matter: '  ' } };
    expect(rejection(checkEvent(raw, ctx))).toMatchObject({
      code: 'invalid-event',
      deviceSeq: 3,
      message: expect.stringContaining('payload.matter'),
    });
  });

  it('rejects an event pushed under another device id', () => {
    const foreign = makeContactOpened({ deviceId: newDeviceId(), deviceSeq: 1, staffId: 'zhang-wei' });
    expect(rejection(checkEvent(foreign, ctx)).code).toBe('device-mismatch');
  });

  it('rejects an event type this server does not know, suggesting an update', () => {
    const raw = { ...opened(), type: 'complaint.registered' };
    expect(rejection(checkEvent(raw, ctx))).toMatchObject({
      code: 'invalid-event',
      message: expect.stringContaining('update the server'),
    });
  });

  it('rejects a schema version newer than the server knows and says to update the server', () => {
    const raw = { ...opened(), v: EVENT_VERSIONS['contact.opened'] + 1, payload: { changed: true } };
    expect(rejection(checkEvent(raw, ctx))).toMatchObject({
      code: 'unsupported-version',
      message: expect.stringContaining('this desk is newer than the server; update the server'),
    });
  });

  it('rejects an event by someone who is not an active member of the staff directory', () => {
    expect(rejection(checkEvent(opened(1, { staffId: 'qian-tao' }), ctx)).code).toBe('unknown-staff');
  });

  it('refuses what the directory does not allow, once the event is well-formed and its author known', () => {
    const review = (staffId: string) =>
      makeContactEvent(
        { deviceId: desk, deviceSeq: 4, staffId, contactId: newContactId() },
        'contact.refusalReviewed',
        {
          decision: 'approved',
        },
      );
    expect(rejection(checkEvent(review('wang-fang'), ctx))).toMatchObject({
      deviceSeq: 4,
      code: 'not-authorised',
      message: 'only a leader may review a refusal; wang-fang is not a leader',
    });
    // The author is checked first: someone unknown gets unknown-staff, not a word about roles.
    expect(rejection(checkEvent(review('qian-tao'), ctx)).code).toBe('unknown-staff');
    expect(checkEvent(review('he-jianguo'), ctx)).toMatchObject({ ok: true });
    // A refused event is settled like any other rejection, so it does not hold back the queue.
    expect(settledDeviceSeq([checkEvent(review('wang-fang'), ctx)])).toBe(4);
  });

  it('flags the events of a desk whose clock was a day behind when it pushed, and keeps them', () => {
    const behind = checkEvent(opened(1), { ...ctx, deskClockSkewMs: -24 * 3600_000 });
    expect(behind).toMatchObject({ ok: true, flags: 'clock-behind' });
    expect(checkEvent(opened(2), { ...ctx, deskClockSkewMs: -1000 })).toMatchObject({ ok: true, flags: null });
  });

  it('flags an event whose clock runs more than the allowed drift ahead of the server, and keeps it', () => {
    const ahead = checkEvent(opened(1, { at: NOW + MAX_CLOCK_DRIFT_MS + 1 }), ctx);
    const justInside = checkEvent(opened(2, { at: NOW + MAX_CLOCK_DRIFT_MS }), ctx);
    expect(ahead).toMatchObject({ ok: true, flags: 'clock-ahead' });
    expect(justInside).toMatchObject({ ok: true, flags: null });
  });
});

describe('an eventId that is already stored', () => {
  it('is a harmless replay when the content is the same, whatever the key order', () => {
    const event = opened();
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as typeof event;
    expect(judgeExisting(reordered, event)).toBeNull();
  });

  it('is refused as a conflicting duplicate when the content differs', () => {
    const event = opened();
    const altered = { ...event, payload: { ...event.payload, matter: '另一件事' } };
    expect(judgeExisting(altered, event)).toMatchObject({ eventId: event.eventId, code: 'conflicting-duplicate' });
  });
});

describe('what a push acknowledges', () => {
  it('settles up to the highest deviceSeq among stored and rejected events of this desk', () => {
    const contactId = newContactId();
    const checked = [
      checkEvent(opened(4, { contactId }), ctx),
      checkEvent({ ...opened(7), matter: undefined, payload: {} }, ctx), // rejected, but settled
      checkEvent(makeContactAnswered({ deviceId: desk, deviceSeq: 5, staffId: 'li-na', contactId, at: NOW }), ctx),
    ];
    expect(settledDeviceSeq(checked)).toBe(7);
  });

  it("does not acknowledge another device's deviceSeq", () => {
    const foreign = makeContactOpened({ deviceId: newDeviceId(), deviceSeq: 900, staffId: 'zhang-wei' });
    expect(settledDeviceSeq([checkEvent(opened(2), ctx), checkEvent(foreign, ctx)])).toBe(2);
  });

  it('acknowledges nothing for an empty push', () => {
    expect(settledDeviceSeq([])).toBe(0);
  });
});
