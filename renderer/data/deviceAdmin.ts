import type { z } from 'zod';
import {
  ADMIN_PIN_HEADER,
  ADMIN_STAFF_HEADER,
  DEVICE_ID_HEADER,
  deviceListSchema,
  enrolmentCodeIssuedSchema,
  type AdminCredentials,
  type DeviceCredentials,
  type DeviceSummary,
  type EnrolmentCodeIssued,
} from '../../shared/sync/enrolment.ts';
import { errorBodySchema } from '../../shared/sync/protocol.ts';
import { retryMinutes } from './enrolment.ts';

// The admin's "Desks" tab talks to the HQ server directly (these are not events: enrolment and revocation are
// the server's own records). Each call proves both the desk (its token) and the admin (staffId + PIN).

export class DeviceAdminError extends Error {
  constructor(
    /** 'offline', or the server's error code ('admin-unauthenticated', 'not-admin', 'cannot-revoke-self', …). */
    readonly code: string,
    message: string,
    /** With 'too-many-attempts': whole minutes until the server takes this desk's PIN again. */
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
  admin: AdminCredentials,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): DeviceAdminClient {
  const root = serverUrl.replace(/\/+$/, '');
  const headers = {
    authorization: `Bearer ${desk.token}`,
    [DEVICE_ID_HEADER]: desk.deviceId,
    [ADMIN_STAFF_HEADER]: admin.staffId,
    [ADMIN_PIN_HEADER]: admin.pin,
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
