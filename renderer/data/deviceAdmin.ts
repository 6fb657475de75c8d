import type { z } from 'zod';
import {
  DEVICE_ID_HEADER,
  deviceListSchema,
  enrolmentCodeIssuedSchema,
  type DeviceCredentials,
  type DeviceSummary,
  type EnrolmentCodeIssued,
} from '../../shared/sync/enrolment.ts';
import { errorBodySchema } from '../../shared/sync/protocol.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../shared/sync/staffAuth.ts';
import { retryMinutes } from './enrolment.ts';

// The admin's "Desks" tab talks to the HQ server directly (these are not events: enrolment and revocation are
// the server's own records). Each call proves both the desk (its token) and the admin: the staff session the server
// granted when the admin signed in online on this desk (issue 11); no secret is sent again.

export class DeviceAdminError extends Error {
  constructor(
    /** 'offline', 'session-required', or the server's error code ('not-admin', 'cannot-revoke-self', …). */
    readonly code: string,
    message: string,
    /** With 'too-many-attempts': whole minutes until the server answers this desk again. */
    readonly minutes?: number,
  ) {
    super(message);
    this.name = 'DeviceAdminError';
  }
}

export interface DeviceAdminClient {
  listDevices(): Promise<DeviceSummary[]>;
  createCode(label?: string): Promise<EnrolmentCodeIssued>;
  revoke(deviceId: string): Promise<DeviceSummary[]>;
}

export function deviceAdminClient(
  serverUrl: string,
  desk: DeviceCredentials,
  session: StaffSession,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): DeviceAdminClient {
  const root = serverUrl.replace(/\/+$/, '');
  const headers = {
    authorization: `Bearer ${desk.token}`,
    [DEVICE_ID_HEADER]: desk.deviceId,
    [STAFF_SESSION_HEADER]: staffSessionHeader(session),
  };
  async function call<S extends z.ZodType>(path: string, method: 'GET' | 'POST', schema: S, body?: object) {
    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method,
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
        cache: 'no-store',
      });
    } catch {
      throw new DeviceAdminError('offline', 'cannot reach the server');
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = errorBodySchema.safeParse(json);
      if (!error.success) throw new DeviceAdminError('other', `${response.status} ${response.statusText}`);
      const minutes = response.status === 429 ? retryMinutes(response, error.data) : undefined;
      throw new DeviceAdminError(error.data.code, error.data.message, minutes);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new DeviceAdminError('other', 'unrecognised answer from the server');
    return parsed.data as z.infer<S>;
  }
  return {
    listDevices: async () => (await call('/admin/devices', 'GET', deviceListSchema)).devices,
    createCode: (label) => call('/admin/enrolment-codes', 'POST', enrolmentCodeIssuedSchema, label ? { label } : {}),
    revoke: async (deviceId) =>
      (await call(`/admin/devices/${encodeURIComponent(deviceId)}/revoke`, 'POST', deviceListSchema, {})).devices,
  };
}
