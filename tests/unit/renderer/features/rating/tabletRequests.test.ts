import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactId, StaffId } from '../../../../../shared/model/ids.ts';
import type { PadAnswerBody, PadRequestState } from '../../../../../shared/sync/padRelay.ts';
import type { DeskDb } from '../../../../../renderer/data/db.ts';
import { recordContact } from '../../../../../renderer/data/operations.ts';
import { PadRelayError } from '../../../../../renderer/data/padRelayCall.ts';
import {
  pairedTabletsRemembered,
  rememberPairedTablets,
  type PadRelayDesk,
} from '../../../../../renderer/data/padRelayDesk.ts';
import { readServiceRating } from '../../../../../renderer/data/ratings.ts';
import {
  askTablet,
  cancelTabletRequest,
  clearTabletRequest,
  tabletRequestView,
  type TabletAsk,
  type TabletRequestView,
} from '../../../../../renderer/features/rating/tabletRequests.ts';
import { freshDeskDb, withDirectory } from '../../data/deskDb.ts';

// The desk's side of the rating tablet: a request sent through HQ is followed until the applicant answers, then the
// desk collects the answer once and records the rating itself, like one from its local pad.

const clerk = 'zhang-wei' as StaffId;
let db: DeskDb;
let contactId: ContactId;

/** A relay whose request states are played from a script, as HQ would answer the long polls. */
function scriptedRelay(states: PadRequestState[], answer: PadAnswerBody | Error) {
  const calls = { ask: 0, collect: 0, cancel: [] as string[] };
  const relay: PadRelayDesk = {
    pairingCode: vi.fn(),
    tablets: vi.fn(),
    unpair: vi.fn(),
    async ask() {
      calls.ask += 1;
      return { state: 'waiting', listening: true };
    },
    async status() {
      const next = states.shift();
      if (!next) return new Promise<never>(() => undefined); // held open, as HQ does
      return next;
    },
    async cancel(requestId) {
      calls.cancel.push(requestId);
      return 'cancelled';
    },
    async collect() {
      calls.collect += 1;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { relay, calls };
}

function asking(relay: PadRelayDesk): TabletAsk {
  return {
    db,
    relay,
    recorder: clerk,
    contactId,
    ratedStaffId: clerk,
    person: { name: '张伟', title: '科员', departmentName: '政务服务窗口' },
  };
}

/** Until the view the desk shows for the contact is as expected. */
async function viewSettles(predicate: (view: TabletRequestView | null) => boolean) {
  await vi.waitFor(() => expect(predicate(tabletRequestView(contactId))).toBe(true), { timeout: 3000 });
}

beforeEach(async () => {
  db = await withDirectory(freshDeskDb());
  contactId = await recordContact(db, clerk, {
    channel: 'visit',
    visitor: { name: '王芳', phone: '13937711111' },
    matter: '咨询技术合同认定登记',
    askedStaffIds: [],
  });
  clearTabletRequest(contactId);
});

describe('a rating asked of the paired tablet', () => {
  it('is recorded by the desk once the applicant answers: collected once, one rating.given from the pad', async () => {
    const { relay, calls } = scriptedRelay(['showing', 'answered'], {
      level: 'veryDissatisfied',
      reasons: ['poorAttitude'],
      comment: '态度不好',
    });
    expect(await askTablet(asking(relay))).toBe('tablet');
    await vi.waitFor(async () => expect(await readServiceRating(db, contactId)).not.toBeNull());
    expect(await readServiceRating(db, contactId)).toMatchObject({
      level: 'veryDissatisfied',
      reasons: ['poorAttitude'],
      ratedStaffId: clerk,
    });
    const rows = await db.events.where('[aggregate+aggregateId]').equals(['rating', contactId]).toArray();
    expect(rows.map((r) => [r.event.staffId, (r.event.payload as { source: string }).source])).toEqual([
      [clerk, 'pad'],
    ]);
    expect(calls.collect).toBe(1);
    await viewSettles((view) => view === null);
  });

  it('records a declined rating as 未评 (level null)', async () => {
    const { relay } = scriptedRelay(['answered'], { level: null, reasons: [], comment: undefined });
    await askTablet(asking(relay));
    await vi.waitFor(async () => expect(await readServiceRating(db, contactId)).toMatchObject({ level: null }));
  });

  it('asks nothing of the tablet for a service already rated (一次一评)', async () => {
    const first = scriptedRelay(['answered'], { level: 'satisfied', reasons: [], comment: undefined });
    await askTablet(asking(first.relay));
    await vi.waitFor(async () => expect(await readServiceRating(db, contactId)).not.toBeNull());
    const second = scriptedRelay([], { level: 'verySatisfied', reasons: [], comment: undefined });
    await askTablet(asking(second.relay));
    expect(second.calls.ask).toBe(0);
    await viewSettles((view) => view?.kind === 'alreadyRated');
  });

  it('says the request ended when the desk superseded it or HQ lost it, and records nothing', async () => {
    const { relay, calls } = scriptedRelay(['superseded'], { level: 'satisfied', reasons: [], comment: undefined });
    await askTablet(asking(relay));
    await viewSettles((view) => view?.kind === 'ended');
    expect(calls.collect).toBe(0);
    expect(await readServiceRating(db, contactId)).toBeNull();
  });

  it('falls back to the local pad when HQ says the desk has no tablet any more, and remembers it', async () => {
    await rememberPairedTablets(db, 1);
    const { relay } = scriptedRelay([], { level: 'satisfied', reasons: [], comment: undefined });
    relay.ask = () => Promise.reject(new PadRelayError('pad-no-tablet', 'none'));
    expect(await askTablet(asking(relay))).toBe('noTablet');
    expect(await pairedTabletsRemembered(db)).toBe(0);
  });

  it('says the tablet cannot be reached when HQ is offline', async () => {
    const { relay } = scriptedRelay([], { level: 'satisfied', reasons: [], comment: undefined });
    relay.ask = () => Promise.reject(new PadRelayError('offline', 'offline'));
    expect(await askTablet(asking(relay))).toBe('tablet');
    await viewSettles((view) => view?.kind === 'unreachable');
  });

  it('withdraws the request at HQ when the clerk cancels, and records nothing', async () => {
    const { relay, calls } = scriptedRelay(['showing'], { level: 'satisfied', reasons: [], comment: undefined });
    await askTablet(asking(relay));
    await viewSettles((view) => view?.kind === 'waiting' && view.shown);
    await cancelTabletRequest(relay, contactId);
    expect(calls.cancel).toHaveLength(1);
    await viewSettles((view) => view === null);
    expect(calls.collect).toBe(0);
  });
});
