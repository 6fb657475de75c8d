// Online sign-in for the integration suites (issue 11): a desk the harness enrolled signs a person in through
// POST /auth/sign-in, and events are signed with the session it got, as a desk with a live session signs them.
import { deskEventSchema, type DeskEvent } from '../../../shared/model/events.ts';
import {
  signInResponseSchema,
  STAFF_SESSION_HEADER,
  staffSessionHeader,
  type StaffSession,
} from '../../../shared/sync/staffAuth.ts';
import { demoSecretOf } from '../../../server/src/seed/demoBureau.ts';
import { stampEnvelope, type Stamp } from '../../fixtures/events.ts';
import type { TestServer } from './harness.ts';

export async function postSignIn(server: TestServer, deviceId: string, body: unknown, headers = {}) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/auth/sign-in',
    headers: { ...server.authHeaders(deviceId), ...headers },
    payload: body as object,
  });
  return { status: res.statusCode, body: res.body, headers: res.headers };
}

/** Signs a demo person in on the desk with their demo secret; throws unless the server says 200. */
export async function signInAs(server: TestServer, deviceId: string, staffId: string): Promise<StaffSession> {
  const res = await postSignIn(server, deviceId, { staffId, secret: demoSecretOf(staffId) });
  if (res.status !== 200) throw new Error(`sign-in of ${staffId} failed: ${res.status} ${res.body}`);
  return signInResponseSchema.parse(JSON.parse(res.body));
}

export async function signOut(server: TestServer, deviceId: string, session: StaffSession) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/auth/sign-out',
    headers: { ...server.authHeaders(deviceId), [STAFF_SESSION_HEADER]: staffSessionHeader(session) },
  });
  return res.statusCode;
}

/** Any desk event, stamped as a desk would and parsed with the shared schema. */
export function makeEvent(stamp: Stamp, type: DeskEvent['type'], aggregateId: string, payload: unknown): DeskEvent {
  return deskEventSchema.parse({ ...stampEnvelope(stamp, type.split('.')[0]!), aggregateId, type, payload });
}
