import { describe, expect, it } from 'vitest';
import { EVENT_VERSIONS } from '../../../../shared/model/events.ts';
import { EARLIEST_EVENT_MS, MAX_CLOCK_AHEAD_MS } from '../../../../shared/model/eventTime.ts';
import { MAX_SEQ } from '../../../../shared/model/seq.ts';
import { formatHlc, MAX_CLOCK_DRIFT_MS, MAX_HLC_NODE_LENGTH } from '../../../../shared/sync/hlc.ts';
import { MAX_REJECTION_MESSAGE, rejectionSchema } from '../../../../shared/sync/protocol.ts';
import {
  checkEvent,
  judgeExisting,
  settledDeviceSeq,
  type CheckedEvent,
  type IngestContext,
} from '../../../../server/src/sync/ingest.ts';
import { testDirectory } from '../../../fixtures/directory.ts';
import { makeSession, sessionsOf, withProof } from '../../../fixtures/proof.ts';
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
    // Each signed in online on this desk, so the proof is not in question here (sync/proof.test.ts is about it).
    const sessions = ['wang-fang', 'qian-tao', 'he-jianguo'].map((id) => makeSession(id, desk, NOW - 60_000));
    const signed = { ...ctx, sessions: sessionsOf(...sessions) };
    const review = (staffId: string) =>
      withProof(
        makeContactEvent(
          { deviceId: desk, deviceSeq: 4, staffId, contactId: newContactId(), at: NOW },
          'contact.refusalReviewed',
          { decision: 'approved' },
        ),
        sessions.find((x) => x.staffId === staffId)!,
      );
    expect(rejection(checkEvent(review('wang-fang'), signed))).toMatchObject({
      deviceSeq: 4,
      code: 'not-authorised',
      message: 'only a leader may review a refusal; wang-fang is not a leader',
    });
    // The author is checked first: someone unknown gets unknown-staff, not a word about roles.
    expect(rejection(checkEvent(review('qian-tao'), signed)).code).toBe('unknown-staff');
    expect(checkEvent(review('he-jianguo'), signed)).toMatchObject({ ok: true });
    // A refused event is settled like any other rejection, so it does not hold back the queue.
    expect(settledDeviceSeq([checkEvent(review('wang-fang'), signed)])).toBe(4);
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

describe('sequence numbers a desk cannot have', () => {
  it('rejects a deviceSeq outside 1…2^31 − 1, repeats none of them and acknowledges none', () => {
    for (const deviceSeq of [1e300, 3e9, MAX_SEQ + 1, 0, -1, 1.5]) {
      const checked = checkEvent({ ...opened(), deviceSeq }, ctx);
      expect(rejection(checked), String(deviceSeq)).toMatchObject({ code: 'invalid-event', deviceSeq: null });
      expect(settledDeviceSeq([checked, checkEvent(opened(3), ctx)]), String(deviceSeq)).toBe(3);
    }
    expect(checkEvent({ ...opened(), deviceSeq: MAX_SEQ }, ctx)).toMatchObject({ ok: true });
  });

  it('acknowledges a rejected event only over its own, in-range deviceSeq', () => {
    const broken = { ...opened(9), payload: {} };
    expect(settledDeviceSeq([checkEvent(broken, ctx)])).toBe(9);
    expect(settledDeviceSeq([checkEvent({ ...broken, deviceSeq: 1e300 }, ctx)])).toBe(0);
  });

  it('repeats an eventId no longer than an id, and cuts a long message to what the wire allows', () => {
    const huge = { ...opened(), eventId: 'E'.repeat(1_000_000), payload: { ['k'.repeat(5000)]: 1 } };
    const refused = rejection(checkEvent(huge, ctx));
    expect(refused.eventId).toBe('');
    expect(refused.message.length).toBeLessThanOrEqual(MAX_REJECTION_MESSAGE);
    expect(rejectionSchema.safeParse(refused).success).toBe(true);
  });
});

describe('an HLC a desk cannot have', () => {
  const withNode = (node: string) => ({ ...opened(), hlc: `${String(NOW).padStart(15, '0')}-00001-${node}` });

  it('rejects an HLC whose node holds a NUL, a space or a megabyte, and takes a deviceId or hq', () => {
    for (const node of [`${desk}\u0000`, 'desk a', 'x'.repeat(1_000_000), 'x'.repeat(MAX_HLC_NODE_LENGTH + 1), '']) {
      expect(rejection(checkEvent(withNode(node), ctx)), node.slice(0, 30)).toMatchObject({
        code: 'invalid-event',
        message: expect.stringMatching(/^hlc: /),
      });
    }
    expect(checkEvent(withNode('x'.repeat(MAX_HLC_NODE_LENGTH)), ctx)).toMatchObject({ ok: true });
    expect(checkEvent(withNode('hq'), ctx)).toMatchObject({ ok: true });
  });

  it('rejects an occurredAt padded with a hundred thousand digits of a second', () => {
    const padded = { ...opened(), occurredAt: `2026-03-02T09:29:00.${'0'.repeat(100_000)}+08:00` };
    expect(rejection(checkEvent(padded, ctx))).toMatchObject({ code: 'invalid-event', deviceSeq: 1 });
  });
});

describe('times no right clock could have stamped', () => {
  const hlcAt = (ms: number, deviceSeq = 1) => ({
    ...opened(deviceSeq),
    hlc: formatHlc({ ms, counter: 0, node: desk }),
  });
  const occurredAt = (iso: string) => ({ ...opened(), occurredAt: iso });

  it('refuses an HLC at time 0 or just before the bureau’s first year, and an occurredAt in 1900', () => {
    for (const raw of [hlcAt(0), hlcAt(EARLIEST_EVENT_MS - 1), occurredAt('1900-01-01T08:00:00+08:00')]) {
      const refused = rejection(checkEvent(raw, ctx));
      expect(refused).toMatchObject({ code: 'clock-out-of-range', deviceSeq: 1 });
      expect(refused.message).toMatch(/before the bureau's first year in service/);
    }
    expect(checkEvent(hlcAt(EARLIEST_EVENT_MS), ctx)).toMatchObject({ ok: true });
  });

  it('refuses an HLC or occurredAt more than a day ahead of the server, up to year 9999 and the HLC’s end', () => {
    const far = [
      hlcAt(NOW + MAX_CLOCK_AHEAD_MS + 1),
      hlcAt(999_999_999_999_999),
      occurredAt('9999-12-31T23:59:59+08:00'),
      occurredAt(new Date(NOW + MAX_CLOCK_AHEAD_MS + 60_000).toISOString()),
    ];
    for (const raw of far) {
      expect(rejection(checkEvent(raw, ctx))).toMatchObject({
        code: 'clock-out-of-range',
        message: expect.stringMatching(/ahead of the server's clock/),
      });
    }
  });

  it('takes, flagged, the work of a desk whose clock is hours fast, up to a day', () => {
    expect(checkEvent(opened(1, { at: NOW + 10 * 60_000 }), ctx)).toMatchObject({ ok: true, flags: 'clock-ahead' });
    expect(checkEvent(opened(2, { at: NOW + 8 * 3_600_000 }), ctx)).toMatchObject({ ok: true, flags: 'clock-ahead' });
    expect(checkEvent(hlcAt(NOW + MAX_CLOCK_AHEAD_MS, 3), ctx)).toMatchObject({ ok: true, flags: 'clock-ahead' });
  });

  it('settles a refused time like any other rejection, so the rest of the queue moves on', () => {
    const checked = [checkEvent(opened(1), ctx), checkEvent(hlcAt(0, 2), ctx), checkEvent(opened(3), ctx)];
    expect(checked.map((c) => c.ok)).toEqual([true, false, true]);
    expect(settledDeviceSeq(checked)).toBe(3);
  });
});
