// The push fuzz plan: a few requests from two desks, each a batch of valid events, some of them mutated into
// hostile ones, or a whole request made faulty (forged credentials, wrong content type, junk body, bad
// envelope). `runPushPlan` sends everything to the subject server and only the valid part to the reference
// server, and checks each answer on the way; the caller compares the two servers' stored state afterwards.
import fc from 'fast-check';
import { expect } from 'vitest';
import { DEMO_DEPARTMENTS, DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import type { DeviceCredentials } from '../../../shared/sync/enrolment.ts';
import { MAX_PUSH_EVENTS, pushResponseSchema, SYNC_FORMAT_VERSION } from '../../../shared/sync/protocol.ts';
import {
  makeContactEvent,
  makeContactOpened,
  makeContactTransferred,
  newContactId,
  newUlid,
  type Stamp,
} from '../../fixtures/events.ts';
import {
  BAD_CONTENT_TYPES,
  bodyText,
  eventMutationArb,
  FORGED_AUTH,
  forgedHeaders,
  isEdge,
  JUNK_BODIES,
  junkBodyText,
  mutateEvent,
  pathsOf,
  getAt,
  type EventMutation,
  type MutationKind,
  type ForgedAuth,
  type JunkBody,
} from '../../fixtures/hostile.ts';
import { expectNoServerError, send, type Injected, type Twins } from './fuzzTwins.ts';

const BASES = ['opened', 'answered', 'transferred', 'corrected'] as const;
type Base = (typeof BASES)[number];

function makeBase(base: Base, stamp: Stamp, contactId: string) {
  switch (base) {
    case 'opened':
      return makeContactOpened({ ...stamp, contactId });
    case 'answered':
      return makeContactEvent({ ...stamp, contactId }, 'contact.answered', { answer: '已当场答复申报条件' });
    case 'transferred':
      return makeContactTransferred({
        ...stamp,
        contactId,
        toDepartmentId: DEMO_DEPARTMENTS.highTech,
        toStaffId: DEMO_STAFF.highTechHead,
      });
    case 'corrected':
      return makeContactEvent({ ...stamp, contactId }, 'contact.corrected', {
        visitor: { phone: '13800138000' },
        reason: '更正电话号码',
      });
  }
}

// Paths come from a sample of each base, so a counterexample names the field: 'payload.toldApplicant.phone'.
const SAMPLE_DEVICE = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const shapes = BASES.map((base) => {
  const sample = makeBase(base, { deviceId: SAMPLE_DEVICE, deviceSeq: 1, staffId: 'zhang-wei' }, newContactId());
  const paths = pathsOf(sample);
  const leaves = (type: string) => paths.filter((p) => typeof getAt(sample, p) === type);
  return { base, paths, strings: leaves('string'), numbers: leaves('number') };
});

export interface PlanItem {
  readonly base: Base;
  readonly mutation: EventMutation | null;
}

export type RequestFault =
  | { readonly auth: ForgedAuth }
  | { readonly contentType: (typeof BAD_CONTENT_TYPES)[number] }
  | { readonly junk: JunkBody }
  | { readonly envelope: 'formatVersion' | 'eventsNotArray' | 'tooManyEvents' | 'otherDeskInBody' | 'noDeviceId' };

export interface PlanRequest {
  readonly desk: 0 | 1;
  readonly items: readonly PlanItem[];
  /** Makes the whole request bad: nothing of it may be stored. */
  readonly fault: RequestFault | null;
}

function itemArb(kinds: readonly MutationKind[]): fc.Arbitrary<PlanItem> {
  return fc.constantFrom(...shapes).chain(({ base, paths, strings, numbers }) =>
    fc.record({
      base: fc.constant(base),
      mutation: fc.option(eventMutationArb(kinds, paths, strings, numbers), { freq: 2, nil: null }),
    }),
  );
}

const faultArb: fc.Arbitrary<RequestFault> = fc.oneof(
  fc.record({ auth: fc.constantFrom(...FORGED_AUTH) }),
  fc.record({ contentType: fc.constantFrom(...BAD_CONTENT_TYPES) }),
  fc.record({ junk: fc.constantFrom(...JUNK_BODIES) }),
  fc.record({
    envelope: fc.constantFrom(
      'formatVersion' as const,
      'eventsNotArray' as const,
      'tooManyEvents' as const,
      'otherDeskInBody' as const,
      'noDeviceId' as const,
    ),
  }),
);

/** A few requests whose events carry mutations of `kinds`; with `faults`, some requests are faulty as a whole. */
export function planArb(kinds: readonly MutationKind[], faults: boolean): fc.Arbitrary<PlanRequest[]> {
  return fc.array(
    fc.record({
      desk: fc.constantFrom(0 as const, 1 as const),
      items: fc.array(itemArb(kinds), { minLength: 1, maxLength: 5 }),
      fault: faults ? fc.option(faultArb, { freq: 2, nil: null }) : fc.constant(null),
    }),
    { minLength: 1, maxLength: 6 },
  );
}

interface DeskState {
  readonly creds: DeviceCredentials;
  seq: number;
  /** The desk's newest contact, which its follow-up events are about. */
  contactId: string;
  /** The highest ack this desk may be given: its own sent deviceSeqs that are safe and int4, or were stored. */
  maxAckable: number;
}

export interface PlanRun {
  readonly subjectAnswers: Injected[];
}

function isAckable(seq: unknown): seq is number {
  return Number.isSafeInteger(seq) && (seq as number) >= 1 && (seq as number) <= 2 ** 31 - 1;
}

/** Send the plan: everything to the subject, the valid part (when the subject took the request) to the reference. */
export async function runPushPlan(twins: Twins, desks: readonly DeviceCredentials[], plan: readonly PlanRequest[]) {
  const now = Date.now();
  const state: DeskState[] = desks.map((creds) => ({ creds, seq: 0, contactId: newContactId(), maxAckable: 0 }));
  const storedIds: string[] = [];

  for (const [r, request] of plan.entries()) {
    const desk = state[request.desk]!;
    const other = state[1 - request.desk]!;
    const events: Record<string, unknown>[] = [];
    const validOnes: Record<string, unknown>[] = [];
    let allValid = request.fault === null;
    for (const item of request.items) {
      desk.seq += 1;
      if (item.base === 'opened') desk.contactId = newContactId();
      const stamp = { deviceId: desk.creds.deviceId, deviceSeq: desk.seq, staffId: DEMO_STAFF.windowClerk, at: now };
      const valid = makeBase(item.base, stamp, desk.contactId) as unknown as Record<string, unknown>;
      if (!item.mutation) {
        events.push(valid);
        validOnes.push(valid);
        continue;
      }
      const mutated = mutateEvent(valid, item.mutation, {
        deviceId: desk.creds.deviceId,
        otherDeviceId: other.creds.deviceId,
        storedEventId: storedIds.at(-1),
        now,
        ulid: () => newUlid(now),
      });
      events.push(mutated);
      if (isEdge(item.mutation)) validOnes.push(mutated);
      else allValid = false;
    }

    const { headers, payload } = buildRequest(request.fault, desk.creds, other.creds, events);
    const what = `request ${r} ${JSON.stringify(request)}`;
    const answer = await send(twins.subject, { method: 'POST', url: '/sync/push', headers, payload });
    expectNoServerError(answer, what);
    if (allValid) expect(answer.status, `${what}: a valid push must be taken (${answer.body.slice(0, 200)})`).toBe(200);
    if (request.fault !== null) {
      expect(answer.status, `${what}: a faulty request must be refused as a whole`).toBeGreaterThanOrEqual(400);
    }
    if (answer.status !== 200) continue;

    // The desk must be able to read the answer with its own schema, and the ack only covers what it may.
    const parsed = pushResponseSchema.safeParse(answer.json());
    expect(parsed.error, `${what}: the push answer does not parse: ${answer.body.slice(0, 300)}`).toBeUndefined();
    const response = parsed.data!;
    const refused = new Set(response.rejected.map((x) => x.eventId));
    for (const e of events) {
      const own = e.deviceId === desk.creds.deviceId;
      if (own && (isAckable(e.deviceSeq) || (Number.isSafeInteger(e.deviceSeq) && !refused.has(String(e.eventId))))) {
        desk.maxAckable = Math.max(desk.maxAckable, e.deviceSeq as number);
      }
    }
    expect(response.ackedSeq, `${what}: ack beyond this desk's own in-range numbers`).toBeLessThanOrEqual(
      desk.maxAckable,
    );

    // The reference server gets what a well-behaved desk would have sent in this request.
    const twin = await send(twins.reference, {
      method: 'POST',
      url: '/sync/push',
      headers: headers,
      payload: bodyText({ deviceId: desk.creds.deviceId, formatVersion: SYNC_FORMAT_VERSION, events: validOnes }),
    });
    expect(twin.status, `reference server refused the valid part of ${what}: ${twin.body.slice(0, 300)}`).toBe(200);
    const twinRefused = new Set(pushResponseSchema.parse(twin.json()).rejected.map((x) => x.eventId));
    for (const e of validOnes) {
      if (e.type === 'contact.opened' && !twinRefused.has(String(e.eventId))) storedIds.push(String(e.eventId));
    }
  }
}

function buildRequest(
  fault: RequestFault | null,
  desk: DeviceCredentials,
  other: DeviceCredentials,
  events: readonly unknown[],
): { headers: Record<string, string>; payload: string | Buffer } {
  let headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${desk.token}`,
    'x-device-id': desk.deviceId,
  };
  let body: Record<string, unknown> = { deviceId: desk.deviceId, formatVersion: SYNC_FORMAT_VERSION, events };
  if (fault && 'auth' in fault) {
    const { 'content-type': type } = headers;
    headers = { 'content-type': type!, ...forgedHeaders(fault.auth, desk, other, newUlid()) };
  } else if (fault && 'contentType' in fault) {
    headers = { ...headers, 'content-type': fault.contentType };
  } else if (fault && 'junk' in fault) {
    return { headers, payload: junkBodyText(fault.junk, new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x22])) };
  } else if (fault && 'envelope' in fault) {
    switch (fault.envelope) {
      case 'formatVersion':
        body = { ...body, formatVersion: 1e300 };
        break;
      case 'eventsNotArray':
        body = { ...body, events: Object.fromEntries(events.map((e, i) => [i, e])) };
        break;
      case 'tooManyEvents':
        // The batch's own events plus empty ones: one too many, without multiplying a megabyte field.
        body = {
          ...body,
          events: [...events, ...Array.from({ length: MAX_PUSH_EVENTS + 1 - events.length }, () => ({}))],
        };
        break;
      case 'otherDeskInBody':
        body = { ...body, deviceId: other.deviceId };
        break;
      case 'noDeviceId':
        body = { formatVersion: SYNC_FORMAT_VERSION, events };
        break;
    }
  }
  return { headers, payload: bodyText(body) };
}
