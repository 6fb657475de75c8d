import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  complaintDecidedPayload,
  complaintReceivedPayload,
  type ComplaintLink,
} from '../../shared/model/complaintEvents.ts';
import { zhCNComplaint } from '../../shared/i18n/zh-CN.complaint.ts';
import { ComplaintClientError } from '../../renderer/data/complaints/client.ts';
import { complaintErrors, failureWords } from '../../renderer/features/complaints/complaintErrors.ts';
import { decisionCheck, decisionPayload } from '../../renderer/features/complaints/decisionPayload.ts';
import { intakePayload, type IntakeValues } from '../../renderer/features/complaints/intakePayload.ts';

const form: IntakeValues = {
  channel: 'hotline',
  receivedOn: '2026-11-02',
  anonymous: false,
  complainantName: ' 刘建国 ',
  complainantPhone: '13800138000',
  complainantOrg: '',
  accusedStaffIds: ['staff-clerk-li'],
  accusedDepartmentIds: [],
  account: '窗口工作人员态度生硬',
  links: [],
  referenceNo: 'GD-12345',
};

// A tiny t: the key itself, or the zh-CN words under complaint.*.
const words = (key: string): string | undefined =>
  key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], { complaint: zhCNComplaint }) as
    string | undefined;
const t = ((key: string) => words(key) ?? key) as unknown as TFunction;
const exists = (key: string) => typeof words(key) === 'string';

describe('the intake form as a payload', () => {
  it('sends a named complainant trimmed, and no work order number outside a 12345 referral', () => {
    const payload = complaintReceivedPayload.parse(intakePayload(form));
    expect(payload.complainant).toEqual({ anonymous: false, name: '刘建国', phone: '13800138000' });
    expect(payload.referenceNo).toBeUndefined();
    expect(complaintReceivedPayload.parse(intakePayload({ ...form, channel: 'referral12345' })).referenceNo).toBe(
      'GD-12345',
    );
  });

  it('sends the records it concerns as references only, and the schema refuses one named twice', () => {
    const contact = { kind: 'contact', id: '01KB7Z3Q9XJ4M2N8P6R5S3T1VW' } as ComplaintLink;
    const slip = { kind: 'slip', id: 'NYKJ-W7K2Q-2026-000127' } as ComplaintLink;
    expect(complaintReceivedPayload.parse(intakePayload({ ...form, links: [contact, slip] })).links).toEqual([
      contact,
      slip,
    ]);
    const twice = complaintReceivedPayload.safeParse(intakePayload({ ...form, links: [contact, contact] }));
    expect(twice.error?.issues.map((i) => i.message)).toEqual(['linkRepeated']);
  });

  it('sends nothing of a name typed before 匿名投诉 was ticked', () => {
    const payload = intakePayload({ ...form, anonymous: true });
    expect(payload.complainant).toEqual({ anonymous: true });
    expect(JSON.stringify(payload)).not.toContain('刘建国');
  });

  it('words a refusal under the form’s own fields, in the office’s words', () => {
    const bad = complaintReceivedPayload.safeParse(intakePayload({ ...form, account: '', accusedStaffIds: [] }));
    expect(bad.success).toBe(false);
    const out = complaintErrors({ name: 'complainantName' })(bad.error, t, exists);
    expect(out.account).toBe(zhCNComplaint.errors.complaintAccountRequired);
    expect(out.accusedStaffIds).toBe(zhCNComplaint.errors.complaintAccusedRequired);
  });

  it('words HQ’s refusal as a whole-form message, and an unknown code with HQ’s own words', () => {
    const refused = complaintErrors()(new ComplaintClientError('statement-pending', 'x', 409), t, exists);
    expect(refused).toEqual({ form: zhCNComplaint.failure['statement-pending'] });
    expect(failureWords(new ComplaintClientError('teapot', 'HQ says no'), t, exists)).toBe(zhCNComplaint.failure.other);
  });
});

describe('the decision form as a payload', () => {
  const accused = ['staff-a', 'staff-b', 'staff-c'];
  const values = {
    ground: 'art32_3' as const,
    measures: {
      'staff-a': ['criticism' as const],
      'staff-b': [],
      'staff-c': ['remedy' as const, 'administrative' as const],
    },
    gravity: { 'staff-a': 'ordinary' as const, 'staff-b': 'serious' as const, 'staff-c': 'serious' as const },
    reason: '经局领导研究',
  };

  it('names, when founded, each accused person with a measure ticked, in the order they were named', () => {
    const payload = complaintDecidedPayload.parse(decisionPayload({ ...values, outcome: 'founded' }, accused));
    expect(payload).toEqual({
      outcome: 'founded',
      ground: 'art32_3',
      reason: '经局领导研究',
      measures: [
        { staffId: 'staff-a', measures: ['criticism'], gravity: 'ordinary' },
        { staffId: 'staff-c', measures: ['remedy', 'administrative'], gravity: 'serious' },
      ],
    });
  });

  it('refuses before sending a founded decision about staff that names no measure, or a gravity not chosen', () => {
    const none = { ...values, outcome: 'founded' as const, measures: {}, gravity: {} };
    expect(decisionCheck(none, accused)).toEqual({ measures: 'measuresRequired' });
    // HQ would refuse the same (measures-required): the schema alone lets it through.
    expect(complaintDecidedPayload.safeParse(decisionPayload(none, accused)).success).toBe(true);
    const unweighed = { ...values, outcome: 'founded' as const, gravity: { 'staff-a': 'serious' as const } };
    expect(decisionCheck(unweighed, accused)).toEqual({ 'gravity.staff-c': 'gravityRequired' });
    // Never a silent 一般: an unchosen gravity reaches no payload the schema accepts.
    expect(complaintDecidedPayload.safeParse(decisionPayload(unweighed, accused)).success).toBe(false);
    expect(decisionCheck({ ...values, outcome: 'founded', ground: '' }, accused)).toEqual({ ground: 'groundRequired' });
    expect(decisionCheck({ ...values, outcome: 'founded' }, accused)).toEqual({});
  });

  it('asks no measure of a decision about departments only, nor of an unfounded one', () => {
    expect(decisionCheck({ ...values, outcome: 'founded', measures: {} }, [])).toEqual({});
    expect(decisionCheck({ ...values, outcome: 'unfounded', measures: {}, gravity: {} }, accused)).toEqual({});
  });

  it('carries no measure at all when unfounded, whatever was ticked before', () => {
    expect(decisionPayload({ ...values, outcome: 'unfounded' }, accused)).toEqual({
      outcome: 'unfounded',
      reason: '经局领导研究',
    });
  });
});
