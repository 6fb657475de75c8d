import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../../../shared/model/contactEvents.ts';
import { settingsSchema } from '../../../shared/model/reference.ts';
import { buildWorkingCalendar } from '../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../shared/rules/calendarData.ts';
import { foldContact } from '../../../shared/rules/contact.ts';
import {
  escalationAnswerDays,
  escalationDeadline,
  escalationDeadlines,
  isEscalationPending,
} from '../../../shared/rules/escalationDeadline.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import { contactAnswered, contactEvent, contactOpened } from './builders.ts';

const calendar = buildWorkingCalendar(BUNDLED_CALENDAR_YEARS);
/** A moment given in Beijing time (UTC+8), e.g. '2026-11-30T10:00'. */
const bj = (local: string) => Date.parse(`${local}:00+08:00`);
const d = (date: string) => date as IsoDate;

const opened = contactOpened({ ms: bj('2026-11-30T07:00') });
const escalated = (local = '2026-11-30T10:00', staffId = 'zhang-wei') =>
  contactEvent('contact.escalated', { toLeaderId: 'he-jianguo', reason: '涉及多个科室，职责不明' } as never, {
    ms: bj(local),
    staffId,
  });
const assigned = (local: string) =>
  contactEvent('contact.assigned', { toStaffId: 'wu-min' } as never, { ms: bj(local), staffId: 'he-jianguo' });
const answered = (local: string) => contactAnswered({ ms: bj(local), staffId: 'wu-min' });
const state = (...events: ContactEvent[]) => foldContact([opened, ...events])!;
const five = { escalationAnswerDays: 5 };

describe('art. 12: an escalated matter is answered and the applicant told within the limit', () => {
  it('art. 12, 19: due N working days after the day of escalation (Mon 30 Nov + 5 → Mon 7 Dec)', () => {
    const due = escalationDeadline(state(escalated()), calendar, five, d('2026-12-01'));
    expect(due).toMatchObject({
      escalatedOn: '2026-11-30',
      dueDate: '2026-12-07',
      stage: 'waitingLeader',
      late: false,
    });
    expect(due?.daysLate).toBe(0);
    expect(isEscalationPending(due)).toBe(true);
  });

  it('art. 12: the limit is the bureau’s setting, 5 working days when the settings do not name one', () => {
    expect(
      escalationDeadline(state(escalated()), calendar, { escalationAnswerDays: 2 }, d('2026-12-01'))?.dueDate,
    ).toBe('2026-12-02');
    expect(escalationAnswerDays(undefined)).toBe(5);
    expect(escalationDeadline(state(escalated()), calendar, {}, d('2026-12-01'))?.dueDate).toBe('2026-12-07');
  });

  it('art. 12: counts from the Beijing day of the escalation, not the UTC day (07:30 on a Monday is still Monday)', () => {
    // 2026-11-30T07:30+08:00 is 2026-11-29T23:30Z, a Sunday in UTC: counting from there would end on Friday.
    const due = escalationDeadline(state(escalated('2026-11-30T07:30')), calendar, five, d('2026-11-30'));
    expect(due?.escalatedOn).toBe('2026-11-30');
    expect(due?.dueDate).toBe('2026-12-07');
  });

  it('art. 12, 19: a holiday inside the limit does not count (escalated before 元旦 2027)', () => {
    // 2026-12-31 Thu; 2027-01-01 Fri is 元旦 — a rest day even where the 2027 schedule is not yet known.
    const due = escalationDeadline(
      state(escalated('2026-12-31T10:00')),
      calendar,
      { escalationAnswerDays: 1 },
      d('2026-12-31'),
    );
    expect(due?.dueDate).toBe('2027-01-04');
  });

  it('art. 12: still waiting for the leader after the due date is late, by the working days past it', () => {
    const due = escalationDeadline(state(escalated()), calendar, five, d('2026-12-09'));
    expect(due).toMatchObject({ stage: 'waitingLeader', late: true, daysLate: 2 });
  });

  it('art. 12: on the due date itself it is not late yet', () => {
    expect(escalationDeadline(state(escalated()), calendar, five, d('2026-12-07'))?.late).toBe(false);
  });

  it('art. 12: the leader decided but nobody told the applicant — still due, late once the date passes', () => {
    const s = state(escalated(), assigned('2026-12-01T10:00'));
    expect(escalationDeadline(s, calendar, five, d('2026-12-04'))).toMatchObject({
      stage: 'waitingTell',
      decidedOn: '2026-12-01',
      late: false,
    });
    expect(escalationDeadline(s, calendar, five, d('2026-12-08'))).toMatchObject({ stage: 'waitingTell', late: true });
  });

  it('art. 12: decided and told in time is done and not late, whatever day it is now', () => {
    const s = state(escalated(), assigned('2026-12-01T10:00'), answered('2026-12-07T16:00'));
    const due = escalationDeadline(s, calendar, five, d('2027-03-01'));
    expect(due).toMatchObject({ stage: 'told', toldOn: '2026-12-07', late: false, daysLate: 0 });
    expect(isEscalationPending(due)).toBe(false);
  });

  it('art. 12: told after the due date stays counted late after it is resolved, with the days it was late', () => {
    const s = state(escalated(), assigned('2026-12-08T09:00'), answered('2026-12-10T09:00'));
    const due = escalationDeadline(s, calendar, five, d('2027-03-01'));
    expect(due).toMatchObject({ stage: 'told', toldOn: '2026-12-10', late: true, daysLate: 3 });
  });

  it('art. 12: an answer before any leader decided does not count as telling the leader’s answer', () => {
    // The escalated contact cannot be answered (the fold flags it); the escalation waits for the leader.
    const s = state(escalated(), answered('2026-12-01T09:00'));
    expect(escalationDeadline(s, calendar, five, d('2026-12-02'))?.stage).toBe('waitingLeader');
  });

  it('art. 12: a second escalation keeps the first one’s record; the first stops counting when the second is made', () => {
    const s = state(escalated(), assigned('2026-12-01T10:00'), escalated('2026-12-09T10:00', 'wu-min'));
    const [first, second] = escalationDeadlines(s, calendar, five, d('2026-12-10'));
    expect(first).toMatchObject({ stage: 'superseded', late: true, daysLate: 2 });
    expect(second).toMatchObject({
      escalatedOn: '2026-12-09',
      dueDate: '2026-12-16',
      stage: 'waitingLeader',
      late: false,
    });
    expect(escalationDeadline(s, calendar, five, d('2026-12-10'))?.escalatedOn).toBe('2026-12-09');
  });

  it('art. 12: a contact never escalated has no escalation deadline', () => {
    expect(escalationDeadline(state(), calendar, five, d('2026-12-10'))).toBeNull();
    expect(isEscalationPending(null)).toBe(false);
  });

  it('art. 12: the setting is a whole number of working days from 1 to 60, and optional for older settings', () => {
    const base = {
      bureauName: '南阳市科学技术局',
      bureauCode: 'NYKJ',
      consultPhone: '0377-63176311',
      complaintPhone: '0377-63176300',
      idleLockMinutes: 5,
      nightlySyncAt: '02:30',
    };
    expect(settingsSchema.safeParse(base).success).toBe(true);
    expect(settingsSchema.safeParse({ ...base, escalationAnswerDays: 5 }).success).toBe(true);
    for (const bad of [0, -1, 2.5, 61, '5']) {
      expect(settingsSchema.safeParse({ ...base, escalationAnswerDays: bad }).success).toBe(false);
    }
  });
});
