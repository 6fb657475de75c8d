import type { ComplaintSummary } from '../../../shared/sync/complaintApi.ts';

// The complaints list as a clerk with a queue reads it: what the caller owes first, the overdue of those first of
// all, then the rest by due day; closed ones last. Pure, so the order and the badges are tested without a browser.

export type StatusFilter = 'open' | 'all' | ComplaintSummary['status'];

const FINISHED: readonly ComplaintSummary['status'][] = ['closed'];

export function filterComplaints(rows: readonly ComplaintSummary[], filter: StatusFilter): ComplaintSummary[] {
  if (filter === 'all') return [...rows];
  if (filter === 'open') return rows.filter((r) => !FINISHED.includes(r.status));
  return rows.filter((r) => r.status === filter);
}

export type DueTone = 'red' | 'orange' | 'yellow' | 'gray' | 'none';

/** issue 14 point 2: an overdue stage turns red in the inbox of those who owe it; others see it, not in red. */
export function dueTone(row: ComplaintSummary): DueTone {
  const stage = row.stage;
  if (!stage) return 'none';
  if (stage.state === 'overdue') return row.owedByCaller ? 'red' : 'yellow';
  if (stage.state === 'dueToday') return row.owedByCaller ? 'orange' : 'gray';
  return 'gray';
}

const urgency = (row: ComplaintSummary): number => {
  const state = row.stage?.state;
  const owed = row.owedByCaller ? 0 : 3;
  if (state === 'overdue') return owed;
  if (state === 'dueToday') return owed + 1;
  if (state) return owed + 2;
  return 6;
};

/** Owed by the caller and overdue first, then due today, then by due day, then the newest complaints. */
export function sortComplaints(rows: readonly ComplaintSummary[]): ComplaintSummary[] {
  return [...rows].sort(
    (a, b) =>
      urgency(a) - urgency(b) ||
      (a.stage?.dueOn ?? '9999').localeCompare(b.stage?.dueOn ?? '9999') ||
      b.receivedOn.localeCompare(a.receivedOn) ||
      a.complaintId.localeCompare(b.complaintId),
  );
}

/** How many the caller owes that are overdue or due today: the tab's badge. */
export function owedNow(rows: readonly ComplaintSummary[]): number {
  return rows.filter((r) => r.owedByCaller && (r.stage?.state === 'overdue' || r.stage?.state === 'dueToday')).length;
}
