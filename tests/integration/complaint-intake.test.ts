import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintAckSchema } from '../../shared/sync/complaintApi.ts';
import { newUlid } from '../fixtures/events.ts';
import { complaintEvents } from '../../server/src/storage/complaints.ts';
import { RECEIVED_ON_MAX_AGE_DAYS } from '../../server/src/sync/complaintDates.ts';
import { beijingDate } from '../../shared/rules/case.ts';
import { addDays } from '../../shared/rules/isoDate.ts';
import { BACKENDS, startServer, type TestServer } from './server/harness.ts';
import { accountText, complaintRowCounts, DEMO_STAFF, intakeBody, postIntake } from './complaint-helpers.ts';

// POST /complaints (issue 14): a desk's intake by its device token alone. HQ stamps it (its clock, the calling
// desk), stores it once whatever the retries, and refuses before storing anything what is not a valid intake by a
// known clerk about people in its directory. Complaints never reach the ordinary sync.

describe.each(BACKENDS)('complaint intake on $name', (backend) => {
  let server: TestServer;
  let desk: string;
  beforeAll(async () => {
    server = await startServer(backend);
    desk = await server.device();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('stores an intake stamped by HQ and answers the same ack to a retry', async () => {
    const body = intakeBody();
    const before = Date.now();
    const first = await postIntake(server, desk, body);
    expect(first.status, first.body).toBe(200);
    const ack = complaintAckSchema.parse(first.json);
    expect(ack).toMatchObject({ complaintId: body.complaintId, eventId: body.eventId });
    expect(Date.parse(ack.at)).toBeGreaterThanOrEqual(before - 5);
    expect(Date.parse(ack.at)).toBeLessThanOrEqual(Date.now() + 5);

    const again = await postIntake(server, desk, body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);

    const stored = await complaintEvents(server.storage.db, body.complaintId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      type: 'complaint.received',
      staffId: DEMO_STAFF.windowClerk,
      deviceId: desk,
      at: ack.at,
      payload: { account: body.payload.account },
    });
  });

  it('refuses another intake under a used eventId or complaintId (409 conflict), storing nothing', async () => {
    const body = intakeBody();
    expect((await postIntake(server, desk, body)).status).toBe(200);
    const counts = await complaintRowCounts(server);

    const changed = { ...body, payload: { ...body.payload, account: accountText() } };
    const sameEvent = await postIntake(server, desk, changed);
    expect(sameEvent.status).toBe(409);
    expect(sameEvent.json).toMatchObject({ code: 'conflict', message: expect.stringContaining('未予保存') });

    const sameComplaint = await postIntake(server, desk, { ...body, eventId: newUlid() });
    expect(sameComplaint.status).toBe(409);
    expect(sameComplaint.json).toMatchObject({ code: 'conflict' });

    // The same intake from another desk is not the one this desk sent.
    const other = await server.device();
    expect((await postIntake(server, other, body)).json).toMatchObject({ code: 'conflict' });
    expect(await complaintRowCounts(server)).toEqual(counts);
  });

  it('answers 401 without a device token or with a wrong one, before reading the body', async () => {
    const counts = await complaintRowCounts(server);
    const none = await postIntake(server, desk, intakeBody(), {});
    expect(none.status).toBe(401);
    const forged = await postIntake(server, desk, intakeBody(), {
      ...server.authHeaders(desk),
      authorization: 'Bearer not-the-token',
    });
    expect(forged.status).toBe(401);
    expect(await complaintRowCounts(server)).toEqual(counts);
  });

  it('refuses a clerk HQ does not know as active, and accused people or departments not in its directory', async () => {
    const counts = await complaintRowCounts(server);
    for (const staffId of [DEMO_STAFF.inactive, 'no-such-person']) {
      const res = await postIntake(server, desk, intakeBody({}, { staffId }));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'unknown-staff', message: expect.stringContaining(staffId) });
    }
    const ghost = await postIntake(server, desk, intakeBody({ accusedStaffIds: ['no-such-person'] }));
    expect(ghost.status).toBe(400);
    expect(ghost.json).toMatchObject({ code: 'unknown-reference', message: expect.stringContaining('no-such-person') });
    const dept = await postIntake(
      server,
      desk,
      intakeBody({ accusedStaffIds: [], accusedDepartmentIds: ['dept-nowhere'] }),
    );
    expect(dept.json).toMatchObject({ code: 'unknown-reference' });
    expect(await complaintRowCounts(server)).toEqual(counts);
  });

  it('refuses a receivedOn after HQ’s Beijing today or more than 60 days before it, storing nothing', async () => {
    const today = beijingDate(new Date().toISOString());
    const counts = await complaintRowCounts(server);
    const refused: [string, string][] = [
      ['tomorrow', addDays(today, 1)],
      ['far in the future', '2099-12-31'],
      ['one day too old', addDays(today, -RECEIVED_ON_MAX_AGE_DAYS - 1)],
      ['a planted overdue breach', '1990-01-01'],
    ];
    for (const [what, receivedOn] of refused) {
      const res = await postIntake(server, desk, intakeBody({ receivedOn }));
      expect(res.status, what).toBe(400);
      expect(res.json, what).toMatchObject({ code: 'date-out-of-range', message: expect.stringContaining(receivedOn) });
      expect(res.json.message, what).toMatch(/收到投诉日期.*未予接收.*nothing was stored/);
    }
    const future = await postIntake(server, desk, intakeBody({ receivedOn: '2099-12-31' }));
    expect(future.json.message).toContain(`今天（${today}`);
    const old = await postIntake(server, desk, intakeBody({ receivedOn: '1990-01-01' }));
    expect(old.json.message).toContain(addDays(today, -RECEIVED_ON_MAX_AGE_DAYS));
    expect(await complaintRowCounts(server)).toEqual(counts);

    // The edges are in: today, and a letter logged the 60th day after it came.
    for (const receivedOn of [today, addDays(today, -RECEIVED_ON_MAX_AGE_DAYS)]) {
      const res = await postIntake(server, desk, intakeBody({ receivedOn }));
      expect(res.status, res.body).toBe(200);
    }
  });

  it('refuses malformed and hostile bodies with a clear 400 or 413, storing nothing', async () => {
    const counts = await complaintRowCounts(server);
    const valid = intakeBody();
    const bad: [string, unknown, number][] = [
      ['an extra field', { ...valid, at: '2020-01-01T00:00:00.000Z' }, 400],
      ['a wrong type', { ...valid, payload: { ...valid.payload, accusedStaffIds: 'liu-yang' } }, 400],
      ['no account', { ...valid, payload: { ...valid.payload, account: '' } }, 400],
      ['nobody accused', { ...valid, payload: { ...valid.payload, accusedStaffIds: [] } }, 400],
      ['a string too long for its field', { ...valid, payload: { ...valid.payload, account: '诉'.repeat(2001) } }, 400],
      ['not an ULID', { ...valid, complaintId: '../../etc/passwd' }, 400],
      // PostgreSQL text cannot hold a NUL: refused as input on both engines, never a 500.
      ['a NUL in the account', { ...valid, payload: { ...valid.payload, account: 'a\u0000b' } }, 400],
      ['not JSON', '{"eventId":', 400],
      ['an array', [valid], 400],
      ['a huge body', { ...valid, payload: { ...valid.payload, account: 'x'.repeat(40_000) } }, 413],
    ];
    for (const [what, body, status] of bad) {
      const res = await postIntake(server, desk, body);
      expect(res.status, what).toBe(status);
      expect(typeof res.json.message, what).toBe('string');
    }
    const extra = await postIntake(server, desk, { ...valid, at: '2020-01-01T00:00:00.000Z' });
    expect(extra.json.message).toMatch(/at/);
    expect(await complaintRowCounts(server)).toEqual(counts);
  });

  it('never hands a complaint to the ordinary sync', async () => {
    const body = intakeBody();
    expect((await postIntake(server, desk, body)).status).toBe(200);
    const pulled = JSON.stringify(await server.pull());
    expect(pulled).not.toContain(body.payload.account);
    expect(pulled).not.toContain(body.complaintId);
  });
});
