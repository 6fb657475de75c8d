import type { z } from 'zod';
import { DEVICE_ID_HEADER, type DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { errorBodySchema } from '../../../shared/sync/protocol.ts';
import {
  reportAnswerSchema,
  reportDrillSchema,
  reportSeriesSchema,
  type ReportAnswer,
  type ReportDrill,
  type ReportSeries,
} from '../../../shared/sync/reportApi.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../../shared/sync/staffAuth.ts';

// The supervision reports (issue 15, art. 4) are read ONLINE at HQ with the reader's own live session: nothing of a
// report is stored on the desk, HQ checks who asks before it reads anything (supervisors and leaders only) and logs
// every read. This client proves the desk and the person on each call, keeps answers out of any HTTP cache and
// parses them against the wire contract (shared/sync/reportApi.ts).

export type ReportGroupBy = ReportAnswer['groupBy'];

export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly groupBy: ReportGroupBy;
}

export interface DrillQuery extends ReportQuery {
  /** 'bureau', a department id or a staff id. */
  readonly group: string;
  readonly key: string;
  readonly offset: number;
}

export interface SeriesQuery extends ReportQuery {
  readonly step: ReportSeries['step'];
  readonly keys?: readonly string[];
}

export class ReportClientError extends Error {
  constructor(
    /**
     * 'offline' (HQ not reached), 'unrecognised' (an answer the contract does not describe), 'other' (a refusal
     * without a readable body), or HQ's own code: 'not-allowed', 'staff-session-required', 'bad-request' …
     */
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ReportClientError';
  }
}

export interface ReportClient {
  answer(q: ReportQuery, signal?: AbortSignal): Promise<ReportAnswer>;
  drill(q: DrillQuery, signal?: AbortSignal): Promise<ReportDrill>;
  series(q: SeriesQuery, signal?: AbortSignal): Promise<ReportSeries>;
}

/** The query string of a call, in a fixed order (an absent or empty value is left out). */
export function reportSearch(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  return search.toString();
}

export function reportClient(
  serverUrl: string,
  desk: DeviceCredentials,
  session: StaffSession,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): ReportClient {
  const root = serverUrl.replace(/\/+$/, '');
  const headers = {
    authorization: `Bearer ${desk.token}`,
    [DEVICE_ID_HEADER]: desk.deviceId,
    [STAFF_SESSION_HEADER]: staffSessionHeader(session),
  };
  async function get<S extends z.ZodType>(
    path: string,
    params: Readonly<Record<string, string | number | undefined>>,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    let response: Response;
    try {
      // A report names people and their lapses: it must not linger in an HTTP cache on a shared desk.
      response = await fetchImpl(`${root}${path}?${reportSearch(params)}`, {
        method: 'GET',
        headers,
        cache: 'no-store',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ReportClientError('offline', 'cannot reach the server');
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const refusal = errorBodySchema.safeParse(json);
      throw refusal.success
        ? new ReportClientError(refusal.data.code, refusal.data.message, response.status)
        : new ReportClientError('other', `${response.status} ${response.statusText}`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ReportClientError('unrecognised', 'unrecognised answer from the server');
    return parsed.data as z.infer<S>;
  }
  return {
    answer: ({ from, to, groupBy }, signal) => get('/reports', { from, to, groupBy }, reportAnswerSchema, signal),
    drill: ({ from, to, groupBy, group, key, offset }, signal) =>
      get('/reports/facts', { from, to, groupBy, group, key, offset }, reportDrillSchema, signal),
    series: ({ from, to, groupBy, step, keys }, signal) =>
      get('/reports/series', { from, to, step, groupBy, keys: keys?.join(',') }, reportSeriesSchema, signal),
  };
}
