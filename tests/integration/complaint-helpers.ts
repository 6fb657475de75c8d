// Calls of the HQ complaint API (issue 14; shared/sync/complaintApi.ts) for the complaint-*.test.ts suites: a desk
// the harness enrolled posts intakes with its token, and people call the rest with their own staff session.
import { sql } from 'kysely';
import { DEMO_DEPARTMENTS, DEMO_STAFF } from '../../server/src/seed/demoBureau.ts';
import type { z } from 'zod';
import type { complaintReceivedPayload } from '../../shared/model/complaintEvents.ts';
import { beijingDate } from '../../shared/rules/case.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../shared/sync/staffAuth.ts';
import { newUlid } from '../fixtures/events.ts';
import type { TestServer } from './server/harness.ts';

type ComplaintReceivedInput = z.input<typeof complaintReceivedPayload>;

/** The account text of a complaint, unique per call, so a test can look for it in whatever left HQ. */
export const accountText = (tag = newUlid()) => `窗口工作人员态度生硬，推诿不办。标记 ${tag}`;

export function intakeBody(
  overrides: Partial<ComplaintReceivedInput> = {},
  ids: { eventId?: string; complaintId?: string; staffId?: string } = {},
) {
  const payload: ComplaintReceivedInput = {
    channel: 'hotline',
    // HQ takes no receivedOn after its Beijing today nor long before it (sync/complaintDates.ts).
    receivedOn: beijingDate(new Date().toISOString()),
    complainant: { anonymous: false, name: '赵先生', phone: '13803770000' },
    accusedStaffIds: [DEMO_STAFF.highTechHandler],
    accusedDepartmentIds: [],
    account: accountText(),
    links: [],
    ...overrides,
  } as ComplaintReceivedInput;
  return {
    eventId: ids.eventId ?? newUlid(),
    complaintId: ids.complaintId ?? newUlid(),
    staffId: ids.staffId ?? DEMO_STAFF.windowClerk,
    payload,
  };
}

export interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly body: string;
}

async function call(
  server: TestServer,
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
): Promise<Answer> {
  const res = await server.app.inject({
    method,
    url,
    headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
  let json: Record<string, unknown> = {};
  try {
    json = res.json();
  } catch {
    // not JSON: the test reads `body`
  }
  return { status: res.statusCode, json, body: res.body };
}

export function postIntake(server: TestServer, deviceId: string, body: unknown, headers?: Record<string, string>) {
  return call(server, 'POST', '/complaints', headers ?? server.authHeaders(deviceId), body);
}

export function sessionHeaders(server: TestServer, deviceId: string, session?: StaffSession) {
  return {
    ...server.authHeaders(deviceId),
    ...(session ? { [STAFF_SESSION_HEADER]: staffSessionHeader(session) } : {}),
  };
}

export function getAs(server: TestServer, deviceId: string, session: StaffSession | undefined, url: string) {
  return call(server, 'GET', url, sessionHeaders(server, deviceId, session));
}

export function actAs(
  server: TestServer,
  deviceId: string,
  session: StaffSession | undefined,
  complaintId: string,
  body: unknown,
) {
  return call(server, 'POST', `/complaints/${complaintId}/acts`, sessionHeaders(server, deviceId, session), body);
}

/** An act body with a fresh eventId. */
export const act = (type: string, payload: unknown, eventId = newUlid()) => ({ eventId, type, payload });

/** How many rows the complaint tables hold: what a refused call must leave unchanged. */
export async function complaintRowCounts(server: TestServer): Promise<{ events: number; reads: number }> {
  const count = async (table: string) => {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      server.storage.db,
    );
    return Number(rows[0]?.n ?? 0);
  };
  return { events: await count('complaint_events'), reads: await count('complaint_reads') };
}

export { DEMO_DEPARTMENTS, DEMO_STAFF };
