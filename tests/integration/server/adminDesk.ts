// One desk on a fresh HQ server per test, where staff sign in online as they act (issue 11), for the suites of the
// catalog's publication and its attached forms (issue 16).
import { afterEach, beforeEach } from 'vitest';
import type { DeskEvent } from '../../../shared/model/events.ts';
import type { StaffSession } from '../../../shared/sync/staffAuth.ts';
import { withProof } from '../../fixtures/proof.ts';
import { pushBody, startServer, type Backend, type TestServer } from './harness.ts';
import { signInAs } from './staffSessions.ts';

export interface AdminDesk {
  readonly server: TestServer;
  readonly desk: string;
  /** The next envelope stamp of this desk, for `staffId`. */
  by(staffId: string): { deviceId: string; deviceSeq: number; staffId: string };
  /** The person's live session on this desk (signed in on first use). */
  session(staffId: string): Promise<StaffSession>;
  /** Push events, each signed with its author's session: the push answer. */
  pushProven(...events: DeskEvent[]): Promise<Awaited<ReturnType<TestServer['push']>>['body']>;
}

/** Registers the server's start and stop around each test; read the desk inside a test only. */
export function useAdminDesk(backend: Backend): AdminDesk {
  let server: TestServer;
  let desk: string;
  let seq = 0;
  const sessions = new Map<string, Promise<StaffSession>>();
  beforeEach(async () => {
    server = await startServer(backend);
    desk = await server.device();
    seq = 0;
    sessions.clear();
  });
  afterEach(async () => {
    await server.stop();
  });
  const session = (staffId: string) => {
    if (!sessions.has(staffId)) sessions.set(staffId, signInAs(server, desk, staffId));
    return sessions.get(staffId)!;
  };
  return {
    get server() {
      return server;
    },
    get desk() {
      return desk;
    },
    by: (staffId) => ({ deviceId: desk, deviceSeq: ++seq, staffId }),
    session,
    async pushProven(...events) {
      const signed = [];
      for (const event of events) signed.push(withProof(event, await session(event.staffId)));
      return (await server.push(pushBody(desk, signed))).body;
    },
  };
}
