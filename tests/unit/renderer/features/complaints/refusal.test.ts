import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { complaintReceivedPayload } from '../../../../../shared/model/complaintEvents.ts';
import { zhCNComplaint } from '../../../../../shared/i18n/zh-CN.complaint.ts';
import { refusalWords } from '../../../../../renderer/features/complaints/complaintErrors.ts';
import {
  intakePayload,
  intakeValuesOf,
  receivedOnCheck,
  receivedOnRange,
} from '../../../../../renderer/features/complaints/intakePayload.ts';
import type { IsoDate } from '../../../../../shared/rules/isoDate.ts';

// A refused intake reopened for correction: the form starts from exactly what was typed, and HQ's reason is worded.

const t = ((key: string, o?: { message?: string }) => `${key}${o?.message ? `|${o.message}` : ''}`) as TFunction;
const exists = (key: string) => key.startsWith('complaint.refused.') && key.slice(18) in zhCNComplaint.refused;

describe('intakeValuesOf', () => {
  it('gives back what was typed, so sending it again sends the same complaint', () => {
    const stored = complaintReceivedPayload.parse({
      channel: 'referral12345',
      receivedOn: '2026-11-30',
      complainant: { anonymous: false, name: '王芳', phone: '13937700123', organisation: '红星厂' },
      accusedStaffIds: ['zhang-wei'],
      accusedDepartmentIds: [],
      account: '推诿三次。',
      links: [],
      referenceNo: 'GD-2026-0001',
    });
    const values = intakeValuesOf(stored);
    expect(values).toMatchObject({ complainantName: '王芳', complainantOrg: '红星厂', referenceNo: 'GD-2026-0001' });
    expect(complaintReceivedPayload.parse(intakePayload(values))).toEqual(stored);
  });

  it('an anonymous complaint comes back anonymous, with no name fields filled', () => {
    const stored = complaintReceivedPayload.parse({
      channel: 'hotline',
      receivedOn: '2026-11-30',
      complainant: { anonymous: true },
      accusedStaffIds: [],
      accusedDepartmentIds: ['dept-1'],
      account: '态度差。',
      links: [],
    });
    expect(intakeValuesOf(stored)).toMatchObject({ anonymous: true, complainantName: '', referenceNo: '' });
  });
});

describe('refusalWords', () => {
  it('words a code the desk knows in the clerk’s language, and shows HQ’s message otherwise', () => {
    expect(refusalWords({ lastError: 'HTTP 400: …', lastCode: 'date-out-of-range' }, t, exists)).toBe(
      'complaint.refused.date-out-of-range',
    );
    expect(refusalWords({ lastError: 'HTTP 400: 未知', lastCode: 'brand-new-code' }, t, exists)).toBe(
      'complaint.refused.other|HTTP 400: 未知',
    );
    expect(refusalWords({ lastError: 'HTTP 422: x' }, t, exists)).toBe('complaint.refused.other|HTTP 422: x');
  });
});

describe('the 受理日期 HQ takes', () => {
  it('is today (Beijing) back to 60 days before it, and says which side a day falls outside', () => {
    const today = '2026-12-02' as IsoDate;
    expect(receivedOnRange(today)).toEqual({ min: '2026-10-03', max: '2026-12-02' });
    expect(receivedOnCheck('2026-12-02', today)).toBeUndefined();
    expect(receivedOnCheck('2026-10-03', today)).toBeUndefined();
    expect(receivedOnCheck('2026-12-03', today)).toBe('receivedOnFuture');
    expect(receivedOnCheck('2026-10-02', today)).toBe('receivedOnTooOld');
    expect(receivedOnCheck('2020-01-01', today)).toBe('receivedOnTooOld');
    for (const key of ['receivedOnFuture', 'receivedOnTooOld']) expect(zhCNComplaint.errors).toHaveProperty(key);
  });
});
