// Calls to the report routes as a desk makes them: the harness's device headers and a person's staff session.
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../shared/sync/staffAuth.ts';
import type { TestServer } from './server/harness.ts';

export type ReportGet = (
  url: string,
  session?: StaffSession,
  headers?: Record<string, string>,
) => Promise<{ status: number; json: unknown; cacheControl: string | undefined }>;

export function reportGetter(server: TestServer, deviceId: string): ReportGet {
  return async (url, session, headers = server.authHeaders(deviceId)) => {
    const res = await server.app.inject({
      method: 'GET',
      url,
      headers: { ...headers, ...(session ? { [STAFF_SESSION_HEADER]: staffSessionHeader(session) } : {}) },
    });
    const cacheControl = res.headers['cache-control'];
    return { status: res.statusCode, json: res.json() as unknown, cacheControl: cacheControl?.toString() };
  };
}
