import type { CaseEvent } from '../../shared/model/caseEvents.ts';
import type { ServiceItem } from '../../shared/model/catalog.ts';
import { foldCase, type CaseState } from '../../shared/rules/case.ts';
import type { CaseRow, DeskDb } from './db.ts';
import { foldContext } from './projections.ts';

/** Re-fold the given cases and write their rows, inside the transaction that wrote their events. */
export async function refreshCases(db: DeskDb, caseIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return;
  const context = await foldContext(db);
  const rows: CaseRow[] = [];
  for (const id of ids) {
    const stored = await db.events.where('[aggregate+aggregateId]').equals(['case', id]).toArray();
    const state = foldCase(
      stored.map((s) => s.event as CaseEvent),
      context,
    );
    if (state) rows.push(await caseRow(db, state));
  }
  await db.cases.bulkPut(rows);
}

/** The row the screens show: the folded state plus what the deadline board sorts and filters by. */
async function caseRow(db: DeskDb, state: CaseState): Promise<CaseRow> {
  const item = (await db.refs.get(['serviceItem', state.serviceItemId]))?.doc.body as ServiceItem | undefined;
  const contact = await db.contacts.get(state.contactId);
  return {
    ...state,
    serviceItemName: item?.name ?? state.serviceItemId,
    departmentId: item?.departmentId ?? '',
    applicant: contact?.visitor.organisation ?? contact?.visitor.name ?? '',
  };
}
