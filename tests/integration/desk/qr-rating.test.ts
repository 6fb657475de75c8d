import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { StaffId } from '../../../shared/model/ids.ts';
import { APPLICANT_STAFF_ID, HQ_RATING_DEVICE_ID } from '../../../shared/model/hqAuthor.ts';
import type { SlipEvent } from '../../../shared/model/slipEvents.ts';
import { parseRatingLink } from '../../../shared/rules/slips/ratingLink.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { DEVICE_ID_HEADER } from '../../../shared/sync/enrolment.ts';
import { SYNC_FORMAT_VERSION, type PushResponse } from '../../../shared/sync/protocol.ts';
import { openCase } from '../../../renderer/data/caseOperations.ts';
import { readStoredCredentials } from '../../../renderer/data/credentials.ts';
import type { DeskDb } from '../../../renderer/data/db.ts';
import { recordContact } from '../../../renderer/data/operations.ts';
import { getStaff } from '../../../renderer/data/references.ts';
import { issueSlip, reprintSlip } from '../../../renderer/data/slips.ts';
import { syncOnce } from '../../../renderer/data/sync.ts';
import { httpTransport, type SyncTransport } from '../../../renderer/data/transport.ts';
import { buildServer } from '../../../server/src/app.ts';
import type { DatabaseConfig } from '../../../server/src/config.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { hashRatingToken } from '../../../server/src/sync/ratingToken.ts';
import { createTestDatabase } from '../setup/pgDatabase.ts';
import { syncedDeskDb, type Backend, type RunningServer } from './servers.ts';

// 好差评 by the QR code on a slip (issue 13 point 4): a slip printed at a desk reaches HQ; the applicant opens the
// link in its QR code without signing in, sees who served them and nothing about themselves, rates once, and the
// rating is HQ's rating.given (source 'qr') that every desk pulls. Wrong links all look alike, requests are
// throttled per address, and no log line ever holds a token.

const clerk = DEMO_STAFF.windowClerk as StaffId;
const BASE = 'https://hq.nykj.example';
const APPLICANT = { name: '张小三', organisation: '南阳光电科技有限公司', phone: '13800138000' };
const ulid = createUlidFactory((n) => crypto.getRandomValues(new Uint8Array(n)));

describe.each<Backend>(['sqlite', 'postgres'])('the public QR rating page on %s', (backend) => {
  let hq: RunningServer;
  let transport: SyncTransport;
  const logLines: string[] = [];
  let nextAddress = 1;
  /** Each test its own client address, so the throttle of one does not meet another. */
  const address = () => `198.51.100.${nextAddress++}`;

  beforeAll(async () => {
    let database: DatabaseConfig;
    let cleanup: () => Promise<void>;
    if (backend === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'fd-qr-rating-'));
      database = { kind: 'sqlite', file: join(dir, 'hq.sqlite') };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const pg = await createTestDatabase(inject('pgUrl'));
      database = { kind: 'postgres', url: pg.url };
      cleanup = () => pg.drop();
    }
    // The demo seed takes the server's public address as the bureau's publicRatingBase; the desk only prints it.
    const server = await buildServer({
      database,
      seed: 'demo',
      logLevel: 'info',
      logStream: { write: (line) => void logLines.push(line) },
      rendererDir: '/nonexistent',
      publicUrl: BASE,
    });
    const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    hq = {
      url,
      server,
      async stop() {
        await server.close();
        await cleanup();
      },
    };
    transport = httpTransport(hq.url);
  });
  afterAll(async () => hq.stop());

  /** A desk that printed a slip for a case and synced it; the slip's link on this server. */
  async function printedSlip(): Promise<{ desk: DeskDb; slip: SlipEvent; path: string; token: string }> {
    const desk = await syncedDeskDb(hq, transport);
    const contactId = await recordContact(desk, clerk, {
      channel: 'visit',
      visitor: APPLICANT,
      matter: '技术合同认定登记',
      askedStaffIds: [],
    });
    const [item] = await desk.refs.where('kind').equals('serviceItem').toArray();
    const caseId = await openCase(desk, clerk, contactId, item!.id);
    const slip = await issueSlip(desk, (await getStaff(desk, clerk))!, { kind: 'checklist', caseId }, 'a4');
    await syncOnce(desk, transport);
    const link = parseRatingLink(slip.payload.content.qr.payload);
    if (!link) throw new Error(`the slip carries no rating link: ${slip.payload.content.qr.payload}`);
    expect(link.base).toBe(BASE);
    return { desk, slip, path: `/r/${link.serial}/${link.token}`, token: link.token };
  }

  const get = (url: string, remoteAddress = address()) => hq.server.app.inject({ method: 'GET', url, remoteAddress });
  const post = (url: string, form: string, remoteAddress = address()) =>
    hq.server.app.inject({
      method: 'POST',
      url,
      remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form,
    });

  async function qrRatingsAtHq(serial: string) {
    return hq.server.storage.db
      .selectFrom('events')
      .selectAll()
      .where('aggregate', '=', 'rating')
      .where('aggregate_id', '=', serial)
      .execute();
  }

  it('serves the rating page without sign-in, naming the bureau, the slip, the item and who served, nothing of the applicant', async () => {
    const { slip, path } = await printedSlip();
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src|unsafe-inline/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('南阳市科学技术局');
    expect(res.body).toContain(slip.payload.content.title);
    expect(res.body).toContain(slip.payload.content.catalog!.itemName);
    expect(res.body).toContain('张伟');
    for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) expect(res.body).toContain(level);
    expect(res.body).toContain('排队等候时间长');
    expect(res.body).not.toContain('<script');
    for (const personal of ['张小三', '光电', '138', '8000', slip.payload.content.addressee]) {
      expect(res.body).not.toContain(personal);
    }
    const en = await get(`${path}?lang=en`);
    expect(en.body).toContain('Rate our service');
    expect(en.body).toContain('Very dissatisfied');
  });

  it('stores a rating as HQ’s rating.given (source qr) for the slip, which another desk pulls; a second one is refused', async () => {
    const { slip, path, desk } = await printedSlip();
    const serial = slip.payload.serial;
    const caseId = slip.payload.subject.kind === 'case' ? slip.payload.subject.caseId : '';
    const comment = encodeURIComponent('等候时间太长\r\n希望增加窗口');
    const res = await post(path, `level=dissatisfied&reason=longWait&reason=poorAttitude&comment=${comment}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('评价已提交，感谢您的评价');

    const other = await syncedDeskDb(hq, transport, 'window 2');
    for (const db of [other, desk]) {
      await syncOnce(db, transport);
      const pulled = await db.events.where('[aggregate+aggregateId]').equals(['rating', serial]).toArray();
      expect(pulled).toHaveLength(1);
      expect(pulled[0]?.event).toMatchObject({
        type: 'rating.given',
        deviceId: HQ_RATING_DEVICE_ID,
        staffId: APPLICANT_STAFF_ID,
        payload: {
          service: { kind: 'case', id: caseId },
          ratedStaffId: clerk,
          source: 'qr',
          level: 'dissatisfied',
          reasons: ['longWait', 'poorAttitude'],
          comment: '等候时间太长\n希望增加窗口',
        },
      });
      expect(await db.rejected.count()).toBe(0);
    }

    const again = await post(path, 'level=verySatisfied');
    expect(again.body).toContain('本单据已评价，感谢您的评价');
    expect((await get(path)).body).toContain('本单据已评价，感谢您的评价');
    expect(await qrRatingsAtHq(serial)).toHaveLength(1);
  });

  it('takes one rating of two sent at the same moment', async () => {
    const { slip, path } = await printedSlip();
    const answers = await Promise.all([post(path, 'level=satisfied'), post(path, 'level=veryDissatisfied')]);
    expect(answers.filter((a) => a.body.includes('评价已提交'))).toHaveLength(1);
    expect(answers.filter((a) => a.body.includes('本单据已评价'))).toHaveLength(1);
    expect(await qrRatingsAtHq(slip.payload.serial)).toHaveLength(1);
  });

  it('keeps a reason only with 不满意 or 非常不满意, and asks again for a level when none was chosen', async () => {
    const { slip, path } = await printedSlip();
    const none = await post(path, 'reason=longWait&comment=' + encodeURIComponent('<b>没选</b>'));
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('请选择评价等级');
    expect(none.body).toContain('&lt;b&gt;没选&lt;/b&gt;'); // kept, escaped
    expect(await qrRatingsAtHq(slip.payload.serial)).toHaveLength(0);

    const good = await post(path, 'level=satisfied&reason=longWait');
    expect(good.statusCode).toBe(200);
    const [stored] = await qrRatingsAtHq(slip.payload.serial);
    expect(JSON.parse(stored!.payload)).toMatchObject({ level: 'satisfied', reasons: [] });
  });

  it('answers a wrong token and an unknown serial with the same neutral page', async () => {
    const { slip, path, token } = await printedSlip();
    const wrongToken = path.replace(token, token.startsWith('A') ? `B${token.slice(1)}` : `A${token.slice(1)}`);
    const unknownSerial = path.replace(slip.payload.serial, slip.payload.serial.replace(/\d{6}$/, '999999'));
    const pages = await Promise.all(
      [wrongToken, unknownSerial, '/r/not-a-serial/x', `${path}/more`].map((url) => get(url)),
    );
    for (const page of pages) {
      expect(page.statusCode).toBe(404);
      expect(page.body).toBe(pages[0]!.body);
      expect(page.body).toContain('链接无效或单据尚未上传，请稍后再试');
    }
    const posted = await post(wrongToken, 'level=veryDissatisfied');
    expect(posted.statusCode).toBe(404);
    expect(posted.body).toBe(pages[0]!.body);
    expect(await qrRatingsAtHq(slip.payload.serial)).toHaveLength(0);
  });

  it('keeps the first token of a serial: a second "first print" with another token replaces nothing', async () => {
    const { desk, slip, path, token } = await printedSlip();
    const credentials = (await readStoredCredentials(desk))!;
    const forgedToken = 'ZZZZZZZZZZZZZZZZZZZZZw';
    const forged = {
      ...slip,
      eventId: ulid(Date.now()),
      deviceSeq: slip.deviceSeq + 1000,
      payload: {
        ...slip.payload,
        content: {
          ...slip.payload.content,
          qr: { ...slip.payload.content.qr, payload: `${BASE}${path.replace(token, forgedToken)}` },
        },
        ratingTokenSha256: hashRatingToken(forgedToken),
      },
    };
    const pushed = await pushAs(credentials, [forged]);
    expect(pushed.rejected).toEqual([]);
    expect((await get(path.replace(token, forgedToken))).statusCode).toBe(404);
    expect((await get(path)).statusCode).toBe(200);
    // A reprint carries the same link and changes nothing either.
    await reprintSlip(desk, { staffId: clerk }, slip.aggregateId, 'receipt80');
    await syncOnce(desk, transport);
    expect((await get(path)).statusCode).toBe(200);
  });

  it('registers no slip whose subject HQ does not hold, and shows only HQ’s names for the subject it holds', async () => {
    const { desk, slip, path } = await printedSlip();
    const credentials = (await readStoredCredentials(desk))!;
    const now = Date.now();
    const forgedToken = 'AAAAAAAAAAAAAAAAAAAAAw';
    const forge = (serialEnd: string, subject: SlipEvent['payload']['subject'], seq: number) => {
      const serial = slip.payload.serial.replace(/\d{6}$/, serialEnd);
      return {
        ...slip,
        eventId: ulid(now + seq),
        aggregateId: ulid(now + seq),
        deviceSeq: slip.deviceSeq + 100 + seq,
        hlc: formatHlc({ ms: now, counter: seq, node: credentials.deviceId }),
        staffId: DEMO_STAFF.leader,
        payload: {
          ...slip.payload,
          serial,
          subject,
          ratingTokenSha256: hashRatingToken(forgedToken),
          content: {
            ...slip.payload.content,
            serial,
            bureauName: '南阳市科学技术局 — 补贴领取请加微信 fake123',
            title: '【重要】您的补贴待领取，请致电 400-000-0000',
            catalog: { ...slip.payload.content.catalog!, itemName: '补贴领取 fake123' },
            staff: { ...slip.payload.content.staff, name: '何建国（局长）' },
            qr: { ...slip.payload.content.qr, payload: `${BASE}/r/${serial}/${forgedToken}` },
          },
        },
      };
    };
    const realSubject = slip.payload.subject;
    const pushed = await pushAs(credentials, [
      forge('000777', { kind: 'case', caseId: ulid(now) as never }, 1),
      forge('000778', realSubject, 2),
    ]);
    expect(pushed.rejected).toEqual([]);

    // A case HQ never heard of: no page, no rating.
    const unknown = `/r/${slip.payload.serial.replace(/\d{6}$/, '000777')}/${forgedToken}`;
    expect((await get(unknown)).statusCode).toBe(404);
    expect((await post(unknown, 'level=veryDissatisfied&reason=poorAttitude')).statusCode).toBe(404);
    expect(await qrRatingsAtHq(slip.payload.serial.replace(/\d{6}$/, '000777'))).toHaveLength(0);

    // A real case: the page names what HQ holds, never the desk's text; the rated person is the case's handler.
    const real = `/r/${slip.payload.serial.replace(/\d{6}$/, '000778')}/${forgedToken}`;
    const page = await get(real);
    expect(page.statusCode).toBe(200);
    for (const forged of ['fake123', '400-000-0000', '何建国', '【重要】']) expect(page.body).not.toContain(forged);
    expect(page.body).toContain('南阳市科学技术局');
    expect(page.body).toContain('一次性告知单');
    expect(page.body).toContain('张伟');
    const rated = await post(real, 'level=veryDissatisfied&reason=poorAttitude');
    expect(rated.statusCode).toBe(200);
    const [stored] = await qrRatingsAtHq(slip.payload.serial.replace(/\d{6}$/, '000778'));
    expect(JSON.parse(stored!.payload)).toMatchObject({ ratedStaffId: clerk });
    // 一次一评: the slip the desk printed for that case is rated already through the forged one.
    expect((await get(path)).body).toContain('本单据已评价');
  });

  it('keeps the token off the synced log: another desk reads no link, and its reprint rates the same slip once', async () => {
    const { desk, slip, path, token } = await printedSlip();
    const other = await syncedDeskDb(hq, transport, 'window 7');
    await syncOnce(other, transport);
    const pulled = await other.events.get(slip.eventId);
    expect(pulled).toBeDefined();
    expect(JSON.stringify(pulled)).not.toContain(token);
    expect(parseRatingLink((pulled!.event as SlipEvent).payload.content.qr.payload)).toBeNull();
    expect(JSON.stringify(await other.slips.toArray())).not.toContain(token);
    // Nor does HQ's log, nor the printing desk's own log and outbox: only its slipTokens table has it.
    const atHq = await hq.server.storage.db.selectFrom('events').select('payload').execute();
    expect(atHq.some((row) => row.payload.includes(token))).toBe(false);
    expect(JSON.stringify(await desk.events.toArray())).not.toContain(token);
    expect(JSON.stringify(await desk.outbox.toArray())).not.toContain(token);
    expect((await desk.slipTokens.get(slip.aggregateId))?.token).toBe(token);

    // A reprint on this desk prints the same link.
    const again = await reprintSlip(desk, { staffId: clerk }, slip.aggregateId, 'receipt80');
    expect(again.payload.content.qr.payload).toBe(`${BASE}${path}`);

    // 补打 on the other desk: a link of its own, registered for the same slip.
    const reprinted = await reprintSlip(other, { staffId: clerk }, slip.aggregateId, 'a4');
    const link = parseRatingLink(reprinted.payload.content.qr.payload)!;
    expect(link.serial).toBe(slip.payload.serial);
    expect(link.token).not.toBe(token);
    await syncOnce(desk, transport);
    await syncOnce(other, transport);
    const otherPath = `/r/${link.serial}/${link.token}`;
    expect((await get(otherPath)).statusCode).toBe(200);
    expect((await post(otherPath, 'level=satisfied')).statusCode).toBe(200);
    expect((await get(path)).body).toContain('本单据已评价');
    expect((await post(path, 'level=veryDissatisfied')).body).toContain('本单据已评价');
    expect(await qrRatingsAtHq(slip.payload.serial)).toHaveLength(1);
  });

  it('refuses a reprint hash for a slip HQ never registered, or under another slip’s serial', async () => {
    const { desk, slip } = await printedSlip();
    const credentials = (await readStoredCredentials(desk))!;
    const token = 'CCCCCCCCCCCCCCCCCCCCCw';
    const now = Date.now();
    const reprint = {
      ...slip,
      eventId: ulid(now),
      aggregateId: ulid(now), // not the slip of that serial
      deviceSeq: slip.deviceSeq + 300,
      hlc: formatHlc({ ms: now, counter: 0, node: credentials.deviceId }),
      payload: { ...slip.payload, reprint: 1, reprintOf: slip.eventId, ratingTokenSha256: hashRatingToken(token) },
    };
    await pushAs(credentials, [reprint]);
    expect((await get(`/r/${slip.payload.serial}/${token}`)).statusCode).toBe(404);
  });

  it('rates one service once: two slips of one case, the second link answers 已评价', async () => {
    const { desk, slip, path } = await printedSlip();
    const caseId = slip.payload.subject.kind === 'case' ? slip.payload.subject.caseId : '';
    const second = await issueSlip(desk, (await getStaff(desk, clerk))!, { kind: 'checklist', caseId }, 'receipt80');
    await syncOnce(desk, transport);
    const link2 = parseRatingLink(second.payload.content.qr.payload)!;
    expect((await post(path, 'level=veryDissatisfied&reason=poorAttitude')).statusCode).toBe(200);
    const secondPath = `/r/${link2.serial}/${link2.token}`;
    expect((await get(secondPath)).body).toContain('本单据已评价');
    expect((await post(secondPath, 'level=veryDissatisfied&reason=poorAttitude')).body).toContain('本单据已评价');
    const all = await hq.server.storage.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'rating.given')
      .execute();
    expect(
      all.filter((e) => (JSON.parse(e.payload) as { service: { id: string } }).service.id === caseId),
    ).toHaveLength(1);
  });

  async function pushAs(credentials: { deviceId: string; token: string }, events: unknown[]): Promise<PushResponse> {
    const res = await hq.server.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${credentials.token}`, [DEVICE_ID_HEADER]: credentials.deviceId },
      payload: { deviceId: credentials.deviceId, formatVersion: SYNC_FORMAT_VERSION, events },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  it('refuses a desk that pushes as HQ’s rating page, as the applicant, or a QR rating of its own', async () => {
    const { desk, slip } = await printedSlip();
    const credentials = (await readStoredCredentials(desk))!;
    const now = Date.now();
    const rating = (over: Record<string, unknown>, seq: number) => ({
      eventId: ulid(now),
      aggregate: 'rating',
      aggregateId: slip.payload.serial,
      type: 'rating.given',
      v: 1,
      hlc: formatHlc({ ms: now, counter: seq, node: credentials.deviceId }),
      deviceId: credentials.deviceId,
      deviceSeq: 5000 + seq,
      staffId: clerk,
      occurredAt: new Date(now).toISOString(),
      payload: {
        service: { kind: 'case', id: slip.payload.subject.kind === 'case' ? slip.payload.subject.caseId : '' },
        ratedStaffId: clerk,
        source: 'qr',
        level: 'verySatisfied',
        reasons: [],
      },
      ...over,
    });
    const answer = await pushAs(credentials, [
      rating({ deviceId: HQ_RATING_DEVICE_ID, staffId: APPLICANT_STAFF_ID }, 1),
      rating({ staffId: APPLICANT_STAFF_ID }, 2),
      rating({}, 3),
    ]);
    expect(answer.rejected.map((r) => r.code)).toEqual(['device-mismatch', 'unknown-staff', 'not-authorised']);
    expect(answer.stored).toBe(0);
    expect(await qrRatingsAtHq(slip.payload.serial)).toHaveLength(0);
  });

  it('throttles wrong links per address, never the right links of a hall sharing one address', async () => {
    const hall = address();
    // Applicants on the hall's guest Wi-Fi, each with their own slip: views and an empty form are no guesses.
    const slips = await Promise.all([printedSlip(), printedSlip()]);
    for (let i = 0; i < 40; i++) expect((await get(slips[i % 2]!.path, hall)).statusCode).toBe(200);
    for (let i = 0; i < 70; i++) expect((await post(slips[0]!.path, 'comment=x', hall)).statusCode).toBe(400);
    expect((await post(slips[0]!.path, 'level=satisfied', hall)).statusCode).toBe(200);
    expect((await post(slips[1]!.path, 'level=satisfied', hall)).statusCode).toBe(200);

    // A guesser: 30 wrong links, then the address waits, whatever it asks.
    const guesser = address();
    for (let i = 0; i < 30; i++)
      expect((await get(`/r/NYKJ-W0000-2026-000001/${'A'.repeat(22)}`, guesser)).statusCode).toBe(404);
    const { path } = await printedSlip();
    const blocked = await get(path, guesser);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toContain('操作过于频繁');
    expect((await post(path, 'level=satisfied', guesser)).statusCode).toBe(429);
    expect((await get(path)).statusCode).toBe(200); // another address is served
  });

  it('serves a right link a generous number of times a minute, then 429', async () => {
    const { path } = await printedSlip();
    for (let i = 0; i < 60; i++) expect((await get(path)).statusCode).toBe(200);
    expect((await get(path)).statusCode).toBe(429);
  });

  it('takes no large body', async () => {
    const { path } = await printedSlip();
    const res = await post(path, `level=satisfied&comment=${'x'.repeat(20_000)}`);
    expect(res.statusCode).toBe(413);
  });

  it('never writes a token into its log', async () => {
    const { path, token } = await printedSlip();
    await get(path);
    await post(path, 'level=satisfied');
    await get(`${path}/trailing`);
    expect(logLines.join('\n')).toContain('/r/…');
    for (const line of logLines) expect(line).not.toContain(token);
    // Nor any token of the slips the tests above rated or mistyped.
    expect(logLines.some((line) => /\/r\/[A-Z]{2,8}-/.test(line))).toBe(false);
  });
});
