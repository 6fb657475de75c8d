import type {
  ComplaintEvent,
  ComplaintEventType,
  complaintPayloadSchemas,
} from '../../../shared/model/complaintEvents.ts';
import { complaintEventSchema } from '../../../shared/model/complaintEvents.ts';
import type { Role } from '../../../shared/model/reference.ts';
import { buildWorkingCalendar } from '../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../shared/rules/calendarData.ts';
import { foldComplaint, type ComplaintFoldContext, type ComplaintState } from '../../../shared/rules/complaint.ts';
import type { StaffFacts } from '../../../shared/rules/followUpPermissions.ts';
import type { z } from 'zod';

// A small bureau for the complaint rules (issue 14): a clerk of 行政审批科 is complained about; its head and a
// colleague, a leader who sits in that department, two supervisors of 机关党委 who investigate, an outsider.

export const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);

export const LEADER = 'staff-leader-zhao';
export const LEADER_OF_DEPT = 'staff-leader-ma'; // a leader whose department is the accused's
export const ACCUSED = 'staff-clerk-li';
export const ACCUSED_2 = 'staff-handler-zhang';
export const HEAD = 'staff-head-wang'; // head of the accused's department
export const COLLEAGUE = 'staff-clerk-sun'; // same department as the accused
export const INVESTIGATOR = 'staff-sup-huang';
export const INVESTIGATOR_2 = 'staff-sup-zhou';
export const OUTSIDER = 'staff-clerk-wu';
export const RETIRED = 'staff-sup-old';
export const HEAD_OF_TECH = 'staff-head-chen'; // head of ACCUSED_2's department
export const CLERK_DESK = '01JZDESK000000000000000001';

const facts = (id: string, departmentId: string, roles: Role[], active = true): StaffFacts => ({
  id,
  departmentId,
  roles,
  active,
});
export const DIRECTORY: readonly StaffFacts[] = [
  facts(LEADER, 'dept-leadership', ['leader']),
  facts(LEADER_OF_DEPT, 'dept-approval', ['leader']),
  facts(ACCUSED, 'dept-approval', ['clerk']),
  facts(ACCUSED_2, 'dept-tech', ['handler']),
  facts(HEAD, 'dept-approval', ['deptHead', 'handler']),
  facts(COLLEAGUE, 'dept-approval', ['clerk']),
  facts(INVESTIGATOR, 'dept-party', ['supervisor']),
  facts(INVESTIGATOR_2, 'dept-party', ['supervisor']),
  facts(OUTSIDER, 'dept-office', ['clerk']),
  facts(RETIRED, 'dept-party', ['supervisor'], false),
  facts(HEAD_OF_TECH, 'dept-tech', ['deptHead']),
];
export const staff = (id: string): StaffFacts => {
  const found = DIRECTORY.find((s) => s.id === id);
  if (!found) throw new Error(`no staff ${id}`);
  return found;
};

export const COMPLAINT_ID = '01JZCMP0000000000000000001';
export const context: ComplaintFoldContext = {
  staff: (id) => DIRECTORY.find((s) => s.id === id),
  calendar,
};

let counter = 0;
/** A fresh ULID per event, ascending in the order built. */
const nextEventId = () => `01JZEV${String(++counter).padStart(20, '0')}`;

export interface At {
  /** The Beijing day HQ stored it; 10:00 Beijing unless `time` says otherwise. */
  readonly on: string;
  readonly by: string;
  readonly time?: string;
}

/** A complaint event as HQ stores it, parsed by the schema so every builder is also a valid event. */
export function cev<T extends ComplaintEventType>(
  type: T,
  payload: z.input<(typeof complaintPayloadSchemas)[T]>,
  at: At,
): ComplaintEvent {
  const [h, m] = (at.time ?? '10:00').split(':').map(Number);
  const utc = new Date(`${at.on}T00:00:00.000Z`).getTime() + ((h! - 8) * 60 + m!) * 60_000;
  return complaintEventSchema.parse({
    eventId: nextEventId(),
    complaintId: COMPLAINT_ID,
    type,
    v: 1,
    at: new Date(utc).toISOString(),
    staffId: at.by,
    deviceId: CLERK_DESK,
    payload,
  });
}

export const NAMED = {
  anonymous: false,
  name: '刘建国',
  phone: '13800138000',
  organisation: '南阳某科技公司',
} as const;

export const received = (on: string, over: Record<string, unknown> = {}, at: Partial<At> = {}) =>
  cev(
    'complaint.received',
    {
      channel: 'hotline',
      receivedOn: on,
      complainant: NAMED,
      accusedStaffIds: [ACCUSED],
      accusedDepartmentIds: [],
      account: '申请高新技术企业认定时，窗口工作人员要求多次补交材料且态度生硬',
      links: [{ kind: 'contact', id: '01JZC0NTACT000000000000001' }],
      ...over,
    } as never,
    { on, by: OUTSIDER, ...at },
  );
export const dismissed = (on: string, by = LEADER) =>
  cev('complaint.dismissed', { reason: '经初步核实，所反映问题不属于本局职责范围' }, { on, by });
export const ordered = (on: string, investigatorIds: string[] = [INVESTIGATOR], by = LEADER) =>
  cev('complaint.investigationOrdered', { investigatorIds }, { on, by });
export const changed = (on: string, investigatorIds: string[], by = LEADER) =>
  cev('complaint.investigatorsChanged', { investigatorIds, reason: '原调查人员另有任务' }, { on, by });
export const finding = (on: string, by = INVESTIGATOR) =>
  cev(
    'complaint.findingRecorded',
    {
      text: '调取登记记录和询问笔录，确认三次告知补正',
      evidenceLinks: [{ kind: 'case', id: '01JZCASE000000000000000001' }],
    },
    { on, by },
  );
export const findingsClosed = (on: string, by = INVESTIGATOR, ground = 'art32_3') =>
  cev('complaint.findingsClosed', { summary: '未一次性告知补正材料，情况属实', ground } as never, { on, by });
export const invited = (on: string, dueOn: string, staffId = ACCUSED, by = INVESTIGATOR) =>
  cev('complaint.statementInvited', { staffId, dueOn }, { on, by });
export const stated = (on: string, by = ACCUSED) =>
  cev('complaint.statementGiven', { text: '当日系统故障，未能一次打印告知单' }, { on, by });
export const waived = (on: string, staffId = ACCUSED, by: string = staffId) =>
  cev('complaint.statementWaived', { staffId, note: '本人书面表示放弃陈述申辩' }, { on, by });
export const founded = (
  on: string,
  measures = [{ staffId: ACCUSED, measures: ['criticism'], gravity: 'ordinary' }],
  by = LEADER,
) =>
  cev('complaint.decided', { outcome: 'founded', ground: 'art32_3', measures, reason: '经局领导研究' } as never, {
    on,
    by,
  });
export const unfounded = (on: string, by = LEADER) =>
  cev('complaint.decided', { outcome: 'unfounded', reason: '经调查，投诉反映问题不属实' }, { on, by });
export const told = (on: string, by = INVESTIGATOR, toldOn = on) =>
  cev('complaint.complainantTold', { on: toldOn, how: 'phone' }, { on, by });
export const extension = (on: string, stage: string, days: number, approved = true, by = LEADER) =>
  cev('complaint.extensionDecided', { stage, days, reason: '案情复杂，需进一步调查取证', approved } as never, {
    on,
    by,
  });
export const closed = (on: string, by = LEADER) => cev('complaint.closed', {}, { on, by });
export const corrected = (on: string, measures: string[], gravity: string, staffId = ACCUSED, by = LEADER) =>
  cev('complaint.measureCorrected', { staffId, measures, gravity, reason: '经复核，原处理偏重' } as never, { on, by });

export function fold(events: readonly ComplaintEvent[], ctx: ComplaintFoldContext = context): ComplaintState {
  const state = foldComplaint(events, ctx);
  if (!state) throw new Error('no complaint.received');
  return state;
}

export const codes = (state: ComplaintState) => state.flags.map((f) => f.code);

/** A deterministic reshuffle (reversed, then odd before even), enough to prove order-independence. */
export function shuffled<T>(xs: readonly T[]): T[] {
  const r = [...xs].reverse();
  return [...r.filter((_, i) => i % 2), ...r.filter((_, i) => i % 2 === 0)];
}
