import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  COMPLAINT_LIMITS,
  complaintEventSchema,
  complaintPayloadSchemas,
  complaintReceivedPayload,
} from '../../../shared/model/complaintEvents.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { DEFAULT_COMPLAINT_SETTINGS, settingsSchema } from '../../../shared/model/reference.ts';
import { ACCUSED, cev, INVESTIGATOR, NAMED, received } from './complaintBuilders.ts';
import { unboundedPaths } from './model/unbounded.ts';

const base = {
  channel: 'hotline',
  receivedOn: '2025-09-29',
  complainant: NAMED,
  accusedStaffIds: [ACCUSED],
  accusedDepartmentIds: [],
  account: '窗口工作人员态度生硬',
  links: [],
};
const problems = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message);
const intake = (over: Record<string, unknown>) => problems(complaintReceivedPayload, { ...base, ...over });

describe('art. 5, 31: a complaint taken in', () => {
  it('art. 5: names its channel, its complainant or none, whom it is about and what happened', () => {
    expect(intake({})).toBeUndefined();
    expect(intake({ channel: 'wechat' })).toHaveLength(1);
    expect(intake({ account: '   ' })).toEqual(['complaintAccountRequired']);
    expect(intake({ accusedStaffIds: [] })).toEqual(['complaintAccusedRequired']);
    expect(intake({ accusedStaffIds: [], accusedDepartmentIds: ['dept-approval'] })).toBeUndefined();
    expect(intake({ accusedStaffIds: [ACCUSED, ACCUSED] })).toEqual(['staffRepeated']);
    expect(intake({ accusedStaffIds: [], accusedDepartmentIds: ['dept-a1', 'dept-a1'] })).toEqual([
      'departmentRepeated',
    ]);
    expect(intake({ receivedOn: '2025-02-29' })).toEqual(['invalidDate']);
  });

  it('art. 5: an anonymous complaint keeps no name, and a named one needs the name', () => {
    const anonymous = complaintReceivedPayload.parse({
      ...base,
      complainant: { anonymous: true, name: '张三', phone: '13800138000' },
    });
    expect(anonymous.complainant).toEqual({ anonymous: true });
    expect(intake({ complainant: { anonymous: false, name: ' ' } })).toHaveLength(1);
    expect(intake({ complainant: { anonymous: false, name: '张三', phone: '12' } })).toEqual(['invalidPhone']);
    expect(
      complaintReceivedPayload.parse({
        ...base,
        complainant: { anonymous: false, name: '张三', phone: '', organisation: '' },
      }).complainant,
    ).toEqual({ anonymous: false, name: '张三' });
  });

  it('links the records it concerns by their ids, each of its own kind, once', () => {
    const contact = { kind: 'contact', id: '01JZC0NTACT000000000000001' };
    expect(
      intake({
        links: [
          contact,
          { kind: 'slip', id: 'NYKJ-W7K2Q-2025-000127' },
          { kind: 'rating', id: 'NYKJ-W7K2Q-2025-000127' },
        ],
      }),
    ).toBeUndefined();
    expect(intake({ links: [{ kind: 'slip', id: '01JZC0NTACT000000000000001' }] })).toEqual(['invalidSlipSerial']);
    expect(intake({ links: [contact, contact] })).toEqual(['linkRepeated']);
    expect(intake({ links: [{ kind: 'email', id: 'x' }] })).toHaveLength(1);
  });

  it('a 12345 work order number comes only with a 12345 referral', () => {
    expect(intake({ channel: 'referral12345', referenceNo: 'NY20250929-0012' })).toBeUndefined();
    expect(intake({ channel: 'hotline', referenceNo: 'NY20250929-0012' })).toEqual(['workOrderFor12345Only']);
    expect(complaintReceivedPayload.parse({ ...base, referenceNo: '  ' }).referenceNo).toBeUndefined();
  });
});

describe('issue 10 bounds: every complaint text and list is bounded and clean', () => {
  it('has a maximum length on every string and list of every complaint event', () => {
    expect(unboundedPaths(complaintEventSchema)).toEqual([]);
    for (const schema of Object.values(complaintPayloadSchemas)) expect(unboundedPaths(schema)).toEqual([]);
  });

  it('refuses oversized texts and lists and control characters, and changes nothing', () => {
    expect(intake({ account: '投'.repeat(LIMITS.matter + 1) })).toEqual(['tooLong']);
    expect(intake({ account: '投'.repeat(LIMITS.matter) })).toBeUndefined();
    expect(intake({ account: '态度生硬\u0000' })).toEqual(['controlCharacters']);
    expect(intake({ account: '态度\u202E生硬' })).toEqual(['controlCharacters']);
    expect(intake({ complainant: { anonymous: false, name: '张\n三' } })).toEqual(['controlCharacters']);
    const many = Array.from({ length: COMPLAINT_LIMITS.accusedStaff + 1 }, (_, i) => `staff-x${i}`);
    expect(intake({ accusedStaffIds: many })).toEqual(['tooMany']);
    const investigators = Array.from({ length: COMPLAINT_LIMITS.investigators + 1 }, (_, i) => `staff-x${i}`);
    expect(
      problems(complaintPayloadSchemas['complaint.investigationOrdered'], { investigatorIds: investigators }),
    ).toEqual(['tooMany']);
    expect(intake({ channel: 'referral12345', referenceNo: '1'.repeat(COMPLAINT_LIMITS.workOrderNo + 1) })).toEqual([
      'tooLong',
    ]);
  });

  it('refuses an event whose time is not HQ’s UTC clock or whose actor is not a staff id', () => {
    const ok = received('2025-09-29');
    expect(complaintEventSchema.safeParse(ok).success).toBe(true);
    expect(complaintEventSchema.safeParse({ ...ok, at: '2025-09-29T10:00:00+08:00' }).success).toBe(false);
    expect(complaintEventSchema.safeParse({ ...ok, staffId: 'Wang Li' }).success).toBe(false);
    expect(complaintEventSchema.safeParse({ ...ok, type: 'complaint.deleted' }).success).toBe(false);
  });
});

describe('art. 31–33: the acts of the workflow', () => {
  const payload = <T extends keyof typeof complaintPayloadSchemas>(type: T, value: unknown) =>
    problems(complaintPayloadSchemas[type], value);

  it('art. 31: a dismissal gives its reason; an order names at least one investigator, each once', () => {
    expect(payload('complaint.dismissed', { reason: '' })).toEqual(['dismissalReasonRequired']);
    expect(payload('complaint.investigationOrdered', { investigatorIds: [] })).toEqual(['investigatorRequired']);
    expect(payload('complaint.investigationOrdered', { investigatorIds: [INVESTIGATOR, INVESTIGATOR] })).toEqual([
      'staffRepeated',
    ]);
    expect(payload('complaint.investigatorsChanged', { investigatorIds: [INVESTIGATOR], reason: '' })).toEqual([
      'investigatorChangeReasonRequired',
    ]);
    expect(payload('complaint.findingRecorded', { text: '', evidenceLinks: [] })).toEqual(['findingTextRequired']);
    expect(payload('complaint.findingsClosed', { summary: '', ground: 'none' })).toEqual(['findingsSummaryRequired']);
    expect(payload('complaint.findingsClosed', { summary: '属实', ground: 'art32_5' })).toHaveLength(1);
    expect(payload('complaint.statementGiven', { text: ' ' })).toEqual(['statementTextRequired']);
    expect(payload('complaint.statementWaived', { staffId: ACCUSED, note: '' })).toEqual(['waiverNoteRequired']);
  });

  it('art. 32–33: a founded decision rests on an art. 32 ground, with art. 33 measures and a gravity per person', () => {
    const measure = { staffId: ACCUSED, measures: ['criticism'], gravity: 'ordinary' };
    const decided = (over: Record<string, unknown>) =>
      payload('complaint.decided', {
        outcome: 'founded',
        ground: 'art32_2',
        measures: [measure],
        reason: '研究决定',
        ...over,
      });
    expect(decided({})).toBeUndefined();
    expect(decided({ ground: 'none' })).toHaveLength(1);
    expect(decided({ measures: [{ ...measure, measures: [] }] })).toEqual(['measureRequired']);
    expect(decided({ measures: [{ ...measure, measures: ['remedy', 'remedy'] }] })).toEqual(['measureRepeated']);
    expect(decided({ measures: [{ ...measure, measures: ['dismissal'] }] })).toHaveLength(1);
    expect(decided({ measures: [{ ...measure, gravity: 'minor' }] })).toHaveLength(1);
    expect(decided({ measures: [measure, measure] })).toEqual(['staffRepeated']);
    expect(decided({ reason: '' })).toEqual(['decisionReasonRequired']);
    expect(payload('complaint.decided', { outcome: 'unfounded', reason: '' })).toEqual(['decisionReasonRequired']);
    expect(payload('complaint.measureCorrected', { ...measure, reason: '' })).toEqual(['correctionReasonRequired']);
  });

  it('art. 31: an extension names the stage, 1–90 working days and its reason', () => {
    const x = (over: Record<string, unknown>) =>
      payload('complaint.extensionDecided', {
        stage: 'investigation',
        days: 10,
        reason: '案情复杂',
        approved: true,
        ...over,
      });
    expect(x({})).toBeUndefined();
    expect(x({ days: 0 })).toHaveLength(1);
    expect(x({ days: 91 })).toHaveLength(1);
    expect(x({ days: 1.5 })).toHaveLength(1);
    expect(x({ stage: 'closing' })).toHaveLength(1);
    expect(x({ reason: '' })).toEqual(['extensionReasonRequired']);
  });

  it('builds every act of the workflow as a valid event', () => {
    expect(cev('complaint.closed', {}, { on: '2025-10-20', by: INVESTIGATOR }).type).toBe('complaint.closed');
  });
});

describe('settings.complaints: the stage limits', () => {
  const settings = {
    bureauName: '南阳市科学技术局',
    bureauCode: 'NYKJ',
    consultPhone: '0377-63176301',
    complaintPhone: '0377-63176300',
    idleLockMinutes: 10,
    nightlySyncAt: '02:00',
  };

  it('defaults to 3, 20, 5 and 2 working days with the whole department standing aside', () => {
    expect(DEFAULT_COMPLAINT_SETTINGS).toEqual({
      decideDays: 3,
      investigateDays: 20,
      statementDays: 5,
      tellDays: 2,
      recuseSameDepartment: true,
    });
    expect(settingsSchema.safeParse(settings).success).toBe(true);
    expect(settingsSchema.safeParse({ ...settings, complaints: DEFAULT_COMPLAINT_SETTINGS }).success).toBe(true);
  });

  it('refuses a limit outside 1–90 working days', () => {
    for (const key of ['decideDays', 'investigateDays', 'statementDays', 'tellDays']) {
      expect(
        settingsSchema.safeParse({ ...settings, complaints: { ...DEFAULT_COMPLAINT_SETTINGS, [key]: 0 } }).success,
      ).toBe(false);
      expect(
        settingsSchema.safeParse({ ...settings, complaints: { ...DEFAULT_COMPLAINT_SETTINGS, [key]: 91 } }).success,
      ).toBe(false);
      expect(
        settingsSchema.safeParse({ ...settings, complaints: { ...DEFAULT_COMPLAINT_SETTINGS, [key]: 90 } }).success,
      ).toBe(true);
    }
  });
});
