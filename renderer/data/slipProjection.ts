import type { SlipEvent } from '../../shared/model/slipEvents.ts';
import { foldSlip } from '../../shared/rules/slips/fold.ts';
import { logOf, readAggregateLogs, type AggregateLogs } from './aggregateLogs.ts';
import type { DeskDb } from './db.ts';

/** Re-fold the given slips and write their rows, inside the transaction that wrote their events. */
export async function refreshSlips(db: DeskDb, slipIds: Iterable<string>, logs?: AggregateLogs): Promise<void> {
  const ids = [...new Set(slipIds)];
  if (ids.length === 0) return;
  const known = logs ?? (await readAggregateLogs(db, ids.map((aggregateId) => ({ aggregate: 'slip', aggregateId }))));
  const rows = ids.flatMap((id) => foldSlip(logOf(known, 'slip', id).map((s) => s.event as SlipEvent)) ?? []);
  await db.slips.bulkPut(rows);
}
