import type { z } from 'zod';
import {
  accountabilityListSchema,
  complaintAckSchema,
  complaintActSchema,
  complaintDetailSchema,
  complaintListSchema,
  statementViewSchema,
  type AccountabilityList,
  type ComplaintAck,
  type ComplaintActBody,
  type ComplaintDetail,
  type ComplaintList,
} from '../../../shared/sync/complaintApi.ts';
import { DEVICE_ID_HEADER, type DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { errorBodySchema } from '../../../shared/sync/protocol.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../../shared/sync/staffAuth.ts';

// Complaints are read and worked ONLINE at HQ with the person's own proven session (issue 14, point 3): nothing of
// a complaint is stored on the desk, so every screen asks HQ each time, and HQ logs each read. The intake alone goes
// through the desk's outbox (./outbox.ts), because it may be taken offline.

export type StatementViewWire = z.infer<typeof statementViewSchema>;

export class ComplaintClientError extends Error {
  constructor(
    /** 'offline', 'unrecognised', 'other', or the server's code (COMPLAINT_ERROR_CODES, 'session-required', …). */
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ComplaintClientError';
  }
}

export interface ComplaintClient {
  list(): Promise<ComplaintList>;
  detail(complaintId: string): Promise<ComplaintDetail>;
  statement(complaintId: string): Promise<StatementViewWire>;
  /** The body is checked against the contract first: a bad one throws the ZodError and is never sent. */
  act(complaintId: string, body: ComplaintActBody): Promise<ComplaintAck>;
  accountability(): Promise<AccountabilityList>;
}

export function complaintClient(
  serverUrl: string,
  desk: DeviceCredentials,
  session: StaffSession,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): ComplaintClient {
  const root = serverUrl.replace(/\/+$/, '');
  const headers = {
    authorization: `Bearer ${desk.token}`,
    [DEVICE_ID_HEADER]: desk.deviceId,
    [STAFF_SESSION_HEADER]: staffSessionHeader(session),
  };
  async function call<S extends z.ZodType>(path: string, schema: S, body?: object): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
        // A complaint's text must not linger in an HTTP cache on a shared desk.
        cache: 'no-store',
      });
    } catch {
      throw new ComplaintClientError('offline', 'cannot reach the server');
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = errorBodySchema.safeParse(json);
      if (!error.success) {
        throw new ComplaintClientError('other', `${response.status} ${response.statusText}`, response.status);
      }
      throw new ComplaintClientError(error.data.code, error.data.message, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ComplaintClientError('unrecognised', 'unrecognised answer from the server');
    return parsed.data as z.infer<S>;
  }
  const one = (id: string) => `/complaints/${encodeURIComponent(id)}`;
  return {
    list: () => call('/complaints', complaintListSchema),
    detail: (id) => call(one(id), complaintDetailSchema),
    statement: (id) => call(`${one(id)}/statement`, statementViewSchema),
    act: async (id, body) => call(`${one(id)}/acts`, complaintAckSchema, complaintActSchema.parse(body)),
    accountability: () => call('/complaints/accountability', accountabilityListSchema),
  };
}
