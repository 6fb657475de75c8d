import type { ContactEvent } from '../../../shared/model/contactEvents.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { createUlidFactory } from '../../../shared/rules/ulid.ts';

// Deterministic events for rule tests: fixed ids and clocks so a failure reproduces exactly.
let seed = 42;
const ulid = createUlidFactory((n) =>
  Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255),
);
const BASE_MS = Date.UTC(2026, 10, 28, 1, 0, 0);
export const DESK_A = ulid(BASE_MS);
export const DESK_B = ulid(BASE_MS);
export const CONTACT = ulid(BASE_MS);

interface Stamp {
  ms?: number;
  counter?: number;
  deviceId?: string;
  deviceSeq?: number;
  staffId?: string;
  contactId?: string;
}

function envelope(s: Stamp) {
  const ms = s.ms ?? BASE_MS;
  const deviceId = s.deviceId ?? DESK_A;
  return {
    eventId: ulid(ms),
    aggregate: 'contact' as const,
    aggregateId: s.contactId ?? CONTACT,
    v: 1,
    hlc: formatHlc({ ms, counter: s.counter ?? 0, node: deviceId }),
    deviceId,
    deviceSeq: s.deviceSeq ?? 1,
    staffId: s.staffId ?? 'zhang-wei',
    occurredAt: new Date(ms).toISOString(),
  };
}

export function contactOpened(s: Stamp = {}, responsibleStaffId = s.staffId ?? 'zhang-wei'): ContactEvent {
  return {
    ...envelope(s),
    type: 'contact.opened',
    payload: {
      channel: 'call',
      visitor: { name: '李明', organisation: '南阳某某科技有限公司', phone: '13800138000' },
      matter: '咨询科技型中小企业评价需要哪些材料',
      askedStaffIds: [responsibleStaffId],
      responsibleStaffId,
    },
  } as ContactEvent;
}

export function contactAnswered(s: Stamp = {}): ContactEvent {
  return {
    ...envelope(s),
    type: 'contact.answered',
    payload: { answer: '已当场告知所需材料清单', basis: '《科技型中小企业评价办法》' },
  } as ContactEvent;
}

export function contactTransferred(s: Stamp = {}, toStaffId = 'li-na'): ContactEvent {
  return {
    ...envelope(s),
    type: 'contact.transferred',
    payload: {
      toDepartmentId: 'dept-hightech',
      toStaffId,
      toldApplicant: { departmentName: '高新技术发展及产业化科', handlerName: '李娜', phone: '0377-63176320' },
    },
  } as ContactEvent;
}

export const at = (minutes: number) => BASE_MS + minutes * 60_000;

/** Any later contact event, stamped like the others. */
export function contactEvent<T extends ContactEvent['type']>(
  type: T,
  payload: Extract<ContactEvent, { type: T }>['payload'],
  s: Stamp = {},
): ContactEvent {
  return { ...envelope(s), type, payload } as ContactEvent;
}
