import { describe, expect, it } from 'vitest';
import { deskEventSchema, type DeskEvent } from '../../../../shared/model/events.ts';
import { MAX_CLOCK_DRIFT_MS } from '../../../../shared/sync/hlc.ts';
import { PRIVILEGED_EVENT_TYPES } from '../../../../shared/sync/staffAuth.ts';
import { buildDemoBureau } from '../../../../server/src/seed/demoBureau.ts';
import { buildDemoCatalog } from '../../../../server/src/seed/demoCatalog.ts';
import { checkProof, sessionIdsNamed } from '../../../../server/src/sync/proof.ts';
import {
  makeItemPublished,
  makeItemSaved,
  makeSettingsSaved,
  makeYearConfirmed,
  makeYearProposed,
} from '../../../fixtures/adminEvents.ts';
import {
  makeContactAnswered,
  makeContactEvent,
  newContactId,
  newDeviceId,
  stampEnvelope,
} from '../../../fixtures/events.ts';
import { makeSession, sessionsOf, withProof } from '../../../fixtures/proof.ts';

const NOW = Date.parse('2026-03-02T09:30:00+08:00');
const ITEM = buildDemoCatalog(NOW).flatMap((d) => (d.kind === 'serviceItem' ? [d.body] : []))[0]!;
const SETTINGS = buildDemoBureau(NOW).flatMap((d) => (d.kind === 'settings' ? [d.body] : []))[0]!;
const desk = newDeviceId();
const otherDesk = newDeviceId();
const LEADER = 'he-jianguo';
const signedIn = makeSession(LEADER, desk, NOW - 3600_000);

const review = (at = NOW, staffId = LEADER) =>
  makeContactEvent(
    { deviceId: desk, deviceSeq: 7, staffId, contactId: newContactId(), at },
    'contact.refusalReviewed',
    {
      decision: 'approved',
    },
  );
const answer = (staffId = 'zhang-wei') =>
  makeContactAnswered({ deviceId: desk, deviceSeq: 3, staffId, contactId: newContactId(), at: NOW });
/** Judged as a push received at NOW from a desk whose clock agrees with the server's (unless said otherwise). */
const check = (event: DeskEvent, sessions = sessionsOf(signedIn), deskClockSkewMs = 0) =>
  checkProof(event, desk, sessions, { now: NOW, deskClockSkewMs });

describe('a privileged decision needs the person’s own online sign-in', () => {
  it('is accepted with a proof from a session the person opened on this desk', () => {
    expect(check(withProof(review(), signedIn))).toBeNull();
  });

  it('is refused without a proof, saying it must be taken online with the person’s own sign-in', () => {
    expect(check(review())).toEqual({
      code: 'proof-required',
      message: expect.stringMatching(
        /must be taken online, with he-jianguo's own sign-in.*此决定须联网并由本人登录验证/,
      ),
    });
  });

  it('covers every decision reserved to leaders, supervisors or admins, and only those', () => {
    const admin = { deviceId: desk, deviceSeq: 1, staffId: 'ma-jun', at: NOW };
    const stamp = { deviceId: desk, deviceSeq: 1, staffId: LEADER, contactId: newContactId(), at: NOW };
    const unproven: DeskEvent[] = [
      review(),
      makeContactEvent(stamp, 'contact.assigned', { toStaffId: 'liu-yang' }),
      makeItemSaved(admin, ITEM, 1),
      // 公开承诺 (art. 20–23, issue 16): publishing a draft is a second administrator's decision.
      makeItemPublished(admin, ITEM.id, newContactId()),
      makeYearProposed(admin, 2028, []),
      makeYearConfirmed(admin, 2028, newContactId()),
      makeSettingsSaved(admin, SETTINGS, 1),
    ];
    for (const event of unproven) expect(check(event)?.code, event.type).toBe('proof-required');
    expect(PRIVILEGED_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'contact.refusalReviewed',
        'case.extensionDecided',
        'catalog.itemSaved',
        'catalog.itemPublished',
      ]),
    );
    // art. 8(二): a case's 不予受理 is made final by a leader's own sign-in, and so is a legacy one-step rejection.
    const caseEvent = (staffId: string, type: DeskEvent['type'], payload: object) =>
      deskEventSchema.parse({
        ...stampEnvelope({ deviceId: desk, deviceSeq: 1, staffId, at: NOW }, 'case'),
        aggregateId: newContactId(),
        type,
        payload,
      });
    const grounds = { reason: '不属于本局受理范围', legalBasis: '第六条' };
    const caseDecisions = [
      caseEvent(LEADER, 'case.rejectionReviewed', { decision: 'approved' }),
      caseEvent(LEADER, 'case.rejected', grounds),
    ];
    for (const event of caseDecisions) expect(check(event)?.code, event.type).toBe('proof-required');
    expect(check(withProof(caseDecisions[0]!, signedIn))).toBeNull();
    // The proposal itself is an everyday act, taken offline as well.
    expect(check(caseEvent('zhang-wei', 'case.rejectionProposed', { ...grounds, toLeaderId: LEADER }))).toBeNull();
    // Everyday acts stay possible offline: without a proof they are attested, not refused.
    expect(check(answer())).toBeNull();
  });
});

describe('a proof that does not verify is refused, never stored without it', () => {
  const refused = (event: DeskEvent, sessions = sessionsOf(signedIn)) => check(event, sessions);

  it('when it names no session the server opened', () => {
    const stranger = makeSession(LEADER, desk, NOW - 60_000);
    expect(refused(withProof(review(), stranger))).toMatchObject({
      code: 'invalid-proof',
      message: expect.stringContaining('no such staff session'),
    });
  });

  it('when the session was opened on another desk', () => {
    const there = makeSession(LEADER, otherDesk, NOW - 60_000);
    expect(refused(withProof(review(), there), sessionsOf(there))?.message).toContain('opened on another desk');
  });

  it('when the session is another person’s (a clerk’s session signing as a leader)', () => {
    const clerk = makeSession('zhang-wei', desk, NOW - 60_000);
    expect(refused(withProof(review(), clerk), sessionsOf(clerk))?.message).toContain("not he-jianguo's");
  });

  it('when the event is dated after the session expired or was ended, or before it began', () => {
    const expired = makeSession(LEADER, desk, NOW - 13 * 3600_000);
    expect(refused(withProof(review(), expired), sessionsOf(expired))?.message).toContain('after the session expired');
    const ended = makeSession(LEADER, desk, NOW - 3600_000, { endedAt: NOW - 30 * 60_000 });
    expect(refused(withProof(review(), ended), sessionsOf(ended))?.message).toContain('after the sign-out');
    const later = makeSession(LEADER, desk, NOW + 60 * 60_000);
    expect(refused(withProof(review(), later), sessionsOf(later))?.message).toContain('before the sign-in');
  });

  it('allows a desk’s clock drift at either end of the session, and no more', () => {
    const ended = makeSession(LEADER, desk, NOW - 3600_000, { endedAt: NOW });
    const sessions = sessionsOf(ended);
    expect(refused(withProof(review(NOW + MAX_CLOCK_DRIFT_MS), ended), sessions)).toBeNull();
    expect(refused(withProof(review(NOW + MAX_CLOCK_DRIFT_MS + 1), ended), sessions)?.code).toBe('invalid-proof');
    // signed before sign-out, pushed later (a retried push): still proven
    expect(refused(withProof(review(NOW - 60_000), ended), sessions)).toBeNull();
  });

  it('judges the session on the server’s clock, so a desk whose clock is off keeps its signed work', () => {
    const HOUR = 3600_000;
    // Received while the session is live: the desk's clock, 10 minutes slow or 8 hours fast (a wrong time zone),
    // does not matter. (The review found such desks losing every signed event, a clerk's registrations too.)
    const justSignedIn = makeSession(LEADER, desk, NOW - 60_000);
    expect(check(withProof(review(NOW - 10 * 60_000), justSignedIn), sessionsOf(justSignedIn))).toBeNull();
    expect(check(withProof(review(NOW + 8 * HOUR), signedIn))).toBeNull();
    // A leader's decision stamped after another desk's event dated 20 hours ahead on the same contact (its HLC
    // follows that event) is still the leader's, taken during the session.
    expect(check(withProof(review(NOW + 20 * HOUR), signedIn))).toBeNull();
    // Pushed after the session ended (the desk was offline): dated by the desk's clock, corrected by its skew.
    const ended = makeSession(LEADER, desk, NOW - 3 * HOUR, { endedAt: NOW - HOUR });
    const fastDeskSigned = withProof(review(NOW - 2 * HOUR + 8 * HOUR), ended);
    expect(check(fastDeskSigned, sessionsOf(ended), 8 * HOUR)).toBeNull();
    expect(check(fastDeskSigned, sessionsOf(ended), 0)?.message).toContain('after the sign-out');
  });

  it('when anything of the event changed after it was signed: payload, author, time or type', () => {
    const signed = withProof(review(), signedIn);
    const overruled = { ...signed, payload: { decision: 'overruled', note: '应予办理', assignToStaffId: 'liu-yang' } };
    expect(refused(overruled as DeskEvent)?.message).toContain('differs from what was signed');
    const otherContact = { ...signed, aggregateId: newContactId() };
    expect(refused(otherContact as DeskEvent)?.code).toBe('invalid-proof');
    const badMac = {
      ...signed,
      proof: { ...signed.proof!, mac: signed.proof!.mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    };
    expect(refused(badMac)?.code).toBe('invalid-proof');
  });

  it('also for an everyday act: a bad proof is not quietly treated as attested', () => {
    const clerk = makeSession('zhang-wei', desk, NOW - 60_000);
    const signed = withProof(answer(), clerk);
    expect(check(signed, sessionsOf(clerk))).toBeNull();
    expect(check({ ...signed, payload: { answer: '改过的答复' } } as DeskEvent, sessionsOf(clerk))?.code).toBe(
      'invalid-proof',
    );
    expect(check(signed, sessionsOf())?.code).toBe('invalid-proof');
  });

  it('does not care in which order the desk wrote the keys', () => {
    const signed = withProof(review(), signedIn);
    const reordered = Object.fromEntries(Object.entries(signed).reverse()) as DeskEvent;
    expect(check(reordered)).toBeNull();
  });
});

describe('the sessions a push names', () => {
  it('are read from the raw events once each, ignoring anything that could not be a session id', () => {
    const a = withProof(review(), signedIn);
    const raw = [a, a, { proof: { sessionId: "x' or 1=1 --" } }, { proof: 'nope' }, null, 'text', answer()];
    expect(sessionIdsNamed(raw)).toEqual([signedIn.sessionId]);
  });
});
