import { useLiveQuery } from 'dexie-react-hooks';
import type { ServiceItem } from '../../shared/model/catalog.ts';
import type { Staff } from '../../shared/model/reference.ts';
import { CASE_ENDED, pendingRejection } from '../../shared/rules/case.ts';
import { byCausalOrder } from '../../shared/rules/contact.ts';
import type { CaseBreach } from '../../shared/rules/caseTimeliness.ts';
import type { CaseDeadline } from '../../shared/rules/deadline.ts';
import type { IsoDate } from '../../shared/rules/isoDate.ts';
import { itemOfCase } from './caseOperations.ts';
import { breachesOf } from './caseTimeliness.ts';
import { clockOf } from './caseTimes.ts';
import type { CaseRow, DeskDb, StoredEvent } from './db.ts';
import { listReference } from './references.ts';

export interface CaseWithClock {
  readonly row: CaseRow;
  /** Null until the case is accepted: before acceptance nothing counts. */
  readonly clock: CaseDeadline | null;
  /** What went late on the case (they stay once they happened, also after it ended). */
  readonly breaches: readonly CaseBreach[];
}


export function useCasesOfContact(db: DeskDb, contactId: string | undefined): CaseRow[] | undefined {
  return useLiveQuery(
    async () => (contactId ? (await db.cases.where('contactId').equals(contactId).toArray()).sort((a, b) => (a.openedAt < b.openedAt ? -1 : 1)) : []),
    [db, contactId],
  );
}

export function useCase(db: DeskDb, caseId: string | undefined): CaseRow | undefined {
  return useLiveQuery(() => (caseId ? db.cases.get(caseId) : undefined), [db, caseId]);
}

/** The catalog item as the case was opened under it (its materials and steps), live. */
export function useCaseItem(db: DeskDb, row: CaseRow): ServiceItem | undefined {
  return useLiveQuery(() => itemOfCase(db, row).catch(() => undefined), [db, row.serviceItemId, row.catalogRev]);
}

/**
 * art. 8(二): the cases whose 不予受理 waits for this leader's review (named to them), oldest first. For the leader's
 * inbox, beside the contacts' refusals.
 */
export function usePendingCaseRejections(db: DeskDb, leaderId: string): CaseRow[] | undefined {
  return useLiveQuery(async () => {
    const pending = await db.cases.where('status').equals('rejectionPending').toArray();
    return pending
      .filter((c) => pendingRejection(c)?.toLeaderId === leaderId)
      .sort((a, b) => ((pendingRejection(a)?.at ?? '') < (pendingRejection(b)?.at ?? '') ? -1 : 1));
  }, [db, leaderId]);
}

export function useServiceItems(db: DeskDb): { item: ServiceItem; rev: number }[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.refs.where('kind').equals('serviceItem').toArray();
    return rows.flatMap((r) => (r.doc.kind === 'serviceItem' ? [{ item: r.doc.body, rev: r.doc.rev }] : []));
  }, [db]);
}

export type BoardScope = 'desk' | 'mine' | 'department' | 'all';

const URGENCY = { overdue: 0, dueToday: 1, warning: 2, onTrack: 3, paused: 4 } as const;

/** Open cases by urgency: overdue first (most overdue first), then due today, nearly due, on track, paused; unaccepted last. */
export function byUrgency(a: CaseWithClock, b: CaseWithClock): number {
  if (!a.clock || !b.clock) return a.clock ? -1 : b.clock ? 1 : a.row.openedAt < b.row.openedAt ? -1 : 1;
  const u = URGENCY[a.clock.state] - URGENCY[b.clock.state];
  if (u !== 0) return u;
  if (a.clock.state === 'overdue') return b.clock.workingDaysOverdue - a.clock.workingDaysOverdue;
  return a.clock.dueDate < b.clock.dueDate ? -1 : a.clock.dueDate > b.clock.dueDate ? 1 : 0;
}

/**
 * The deadline board (item 5 of 限时办结): open cases for this desk, this person, the department or the bureau; with
 * `includeEnded`, the ended ones after them (most recent first), so a case that ended late stays visible as late.
 */
export function useDeadlineBoard(
  db: DeskDb,
  scope: BoardScope,
  staff: Staff,
  day: IsoDate,
  includeEnded = false,
): CaseWithClock[] | undefined {
  return useLiveQuery(async () => {
    const device = (await db.meta.get('device'))?.value as { deviceId: string } | undefined;
    const open = await db.cases.where('status').noneOf([...CASE_ENDED]).toArray();
    const ended = includeEnded ? await db.cases.where('status').anyOf([...CASE_ENDED]).toArray() : [];
    await listReference(db, 'calendarYear'); // re-run when the calendar changes
    const inScope = (rows: CaseRow[]) =>
      rows.filter((c) =>
      scope === 'desk'
        ? c.openedDeviceId === device?.deviceId
        : scope === 'mine'
          ? c.handlerStaffId === staff.id
          : scope === 'department'
            ? c.departmentId === staff.departmentId
            : true,
      );
    // Each case is judged against the steps of its own catalog version (art. 16), read once per version.
    const stepsOf = new Map<string, Promise<ServiceItem['procedure']>>();
    const steps = (row: CaseRow) => {
      const key = `${row.serviceItemId}@${row.catalogRev}`;
      if (!stepsOf.has(key)) stepsOf.set(key, itemOfCase(db, row).then((i) => i.procedure, () => []));
      return stepsOf.get(key)!;
    };
    const withClock = (rows: CaseRow[]) =>
      Promise.all(
        inScope(rows).map(async (row) => ({
          row,
          clock: clockOf(row, day),
          breaches: breachesOf(row, day, await steps(row)),
        })),
      );
    const recentFirst = (a: CaseWithClock, b: CaseWithClock) => (a.row.lastHlc < b.row.lastHlc ? 1 : -1);
    return [...(await withClock(open)).sort(byUrgency), ...(await withClock(ended)).sort(recentFirst)];
  }, [db, scope, staff.id, staff.departmentId, day, includeEnded]);
}

/** A case's events and the slips issued for it (each print and reprint), in causal order: its timeline. */
export function useCaseEvents(db: DeskDb, caseId: string): StoredEvent[] | undefined {
  return useLiveQuery(async () => {
    const own = await db.events.where('[aggregate+aggregateId]').equals(['case', caseId]).toArray();
    const slips = await db.slips.where('subjectId').equals(caseId).toArray();
    const printed = slips.length
      ? await db.events
          .where('[aggregate+aggregateId]')
          .anyOf(slips.map((s) => ['slip', s.slipId]))
          .toArray()
      : [];
    return [...own, ...printed].sort((a, b) => byCausalOrder(a.event, b.event));
  }, [db, caseId]);
}
