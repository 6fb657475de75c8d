import { describe, expect, it } from 'vitest';
import type { ComplaintSummary } from '../../shared/sync/complaintApi.ts';
import {
  dueTone,
  filterComplaints,
  owedNow,
  sortComplaints,
} from '../../renderer/features/complaints/complaintListView.ts';

const row = (id: string, over: Partial<ComplaintSummary> = {}): ComplaintSummary =>
  ({
    complaintId: id,
    channel: 'hotline',
    receivedOn: '2026-11-02',
    status: 'received',
    accusedStaffIds: ['s1'],
    accusedDepartmentIds: [],
    investigatorIds: [],
    breachCount: 0,
    owedByCaller: false,
    ...over,
  }) as ComplaintSummary;
const stage = (state: NonNullable<ComplaintSummary['stage']>['state'], dueOn = '2026-11-10') => ({
  stage: 'acceptance' as const,
  owedBy: 'leaders' as const,
  dueOn,
  state,
});

describe('the complaints list', () => {
  it('turns an overdue stage red only in the inbox of those who owe it (issue 14 point 2)', () => {
    expect(dueTone(row('a', { stage: stage('overdue'), owedByCaller: true }))).toBe('red');
    expect(dueTone(row('a', { stage: stage('overdue'), owedByCaller: false }))).toBe('yellow');
    expect(dueTone(row('a', { stage: stage('dueToday'), owedByCaller: true }))).toBe('orange');
    expect(dueTone(row('a', { stage: stage('running'), owedByCaller: true }))).toBe('gray');
    expect(dueTone(row('a'))).toBe('none');
  });

  it('puts what the caller owes and is overdue first, then due today, then by due day, closed ones last', () => {
    const rows = [
      row('closed', { status: 'closed' }),
      row('late-not-mine', { stage: stage('overdue', '2026-11-01') }),
      row('later', { stage: stage('running', '2026-11-20'), owedByCaller: true }),
      row('today', { stage: stage('dueToday', '2026-11-12'), owedByCaller: true }),
      row('sooner', { stage: stage('running', '2026-11-15'), owedByCaller: true }),
      row('late-mine', { stage: stage('overdue', '2026-11-05'), owedByCaller: true }),
    ];
    expect(sortComplaints(rows).map((r) => r.complaintId)).toEqual([
      'late-mine',
      'today',
      'sooner',
      'later',
      'late-not-mine',
      'closed',
    ]);
  });

  it('filters by status; 未办结 leaves out only the closed ones; 全部 keeps all', () => {
    const rows = [row('a'), row('b', { status: 'closed' }), row('c', { status: 'investigating' })];
    expect(filterComplaints(rows, 'open').map((r) => r.complaintId)).toEqual(['a', 'c']);
    expect(filterComplaints(rows, 'closed').map((r) => r.complaintId)).toEqual(['b']);
    expect(filterComplaints(rows, 'all')).toHaveLength(3);
  });

  it('counts for the badge only what the caller owes and is due today or overdue', () => {
    const rows = [
      row('a', { stage: stage('overdue'), owedByCaller: true }),
      row('b', { stage: stage('dueToday'), owedByCaller: true }),
      row('c', { stage: stage('overdue'), owedByCaller: false }),
      row('d', { stage: stage('running'), owedByCaller: true }),
    ];
    expect(owedNow(rows)).toBe(2);
  });
});
