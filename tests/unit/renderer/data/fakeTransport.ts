import type { DeskEvent } from '../../../../shared/model/events.ts';
import type { ReferenceDoc } from '../../../../shared/model/reference.ts';
import type { PullResponse, PushRequest, PushResponse, RejectionCode } from '../../../../shared/sync/protocol.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { readDevice } from '../../../../renderer/data/device.ts';
import { SyncError, type SyncTransport } from '../../../../renderer/data/transport.ts';

/**
 * An HQ server stand-in for the desk's sync client: acknowledges every pushed event, refuses the ones it is told
 * to refuse, serves reference documents once, and can be switched off (every call then fails as offline). The
 * desk counts as enrolled: its credentials are for the identity its events carry.
 */
export function fakeTransport(db: DeskDb) {
  const refuse = new Map<string, { code: RejectionCode; message: string }>();
  const received: DeskEvent[] = [];
  let references: ReferenceDoc[] = [];
  let seq = 0;
  const state = { offline: false, pushes: 0, pulls: 0 };
  const transport: SyncTransport = {
    credentials: async () => ({ deviceId: (await readDevice(db)).deviceId, token: 'T'.repeat(43) }),
    push: async (request: PushRequest): Promise<PushResponse> => {
      state.pushes += 1;
      if (state.offline) throw new SyncError({ kind: 'offline' });
      const events = request.events as DeskEvent[];
      const rejected = events.flatMap((event) => {
        const refusal = refuse.get(event.eventId);
        return refusal ? [{ eventId: event.eventId, deviceSeq: event.deviceSeq, ...refusal }] : [];
      });
      received.push(...events.filter((event) => !refuse.has(event.eventId)));
      return {
        ackedSeq: Math.max(0, ...events.map((event) => event.deviceSeq)),
        stored: events.length - rejected.length,
        duplicates: 0,
        rejected,
        serverTime: '2026-11-28T01:00:00.000Z',
      };
    },
    pull: async (cursor: number): Promise<PullResponse> => {
      state.pulls += 1;
      if (state.offline) throw new SyncError({ kind: 'offline' });
      const docs = references;
      references = [];
      if (docs.length > 0) seq += 1;
      return {
        formatVersion: 1,
        events: [],
        references: docs.map((doc) => ({ seq, doc })),
        nextCursor: Math.max(cursor, seq),
        hasMore: false,
      };
    },
  };
  return {
    transport,
    state,
    received,
    refuse: (eventId: string, code: RejectionCode, message = `refused: ${code}`) => refuse.set(eventId, { code, message }),
    serve: (docs: ReferenceDoc[]) => {
      references = docs;
    },
  };
}
