import type { CaseEvent } from '../../shared/model/caseEvents.ts';
import type { ServiceItem } from '../../shared/model/catalog.ts';
import { foldCase, type CaseState } from '../../shared/rules/case.ts';
import { logOf, readAggregateLogs, type AggregateLogs } from './aggregateLogs.ts';
import type { CaseRow, ContactRow, DeskDb } from './db.ts';
import { foldContext } from './projections.ts';

/**
 * Re-fold the given cases and write their rows, inside the transaction that wrote their events. `logs`, when the
 * caller has them, are the cases' complete stored logs.
 */
export async function refreshCases(db: DeskDb, caseIds: Iterable<string>, logs?: AggregateLogs): Promise<void> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return;
  const context = await foldContext(db);
  const known = logs ?? (await readAggregateLogs(db, ids.map((aggregateId) => ({ aggregate: 'case', aggregateId }))));
  const states = ids.flatMap((id) => foldCase(logOf(known, 'case', id).map((s) => s.event as CaseEvent), context) ?? []);
  // Asked all at once rather than a round trip per case.
  const itemIds = [...new Set(states.map((s) => s.serviceItemId))];
  const items = new Map(
    (await db.refs.bulkGet(itemIds.map((id) => ['serviceItem', id] as [string, string]))).map((row, i) => [
      itemIds[i]!,
      row?.doc.body as ServiceItem | undefined,
    ]),
  );
  const contacts = await db.contacts.bulkGet(states.map((s) => s.contactId));
  await db.cases.bulkPut(states.map((state, i) => caseRow(state, items.get(state.serviceItemId), contacts[i])));
}

/** The row the screens show: the folded state plus what the deadline board sorts and filters by. */
export function caseRow(state: CaseState, item: ServiceItem | undefined, contact: ContactRow | undefined): CaseRow {
  return {
    ...state,
    serviceItemName: item?.name ?? state.serviceItemId,
    departmentId: item?.departmentId ?? '',
    applicant: contact?.visitor.organisation ?? contact?.visitor.name ?? '',
  };
}
