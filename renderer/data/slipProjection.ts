import type { SlipEvent } from '../../shared/model/slipEvents.ts';
import { foldSlip } from '../../shared/rules/slips/fold.ts';
import type { DeskDb, SlipRow } from './db.ts';

/** Re-fold the given slips and write their rows, inside the transaction that wrote their events. */
export async function refreshSlips(db: DeskDb, slipIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(slipIds)];
  if (ids.length === 0) return;
  const rows: SlipRow[] = [];
  for (const id of ids) {
    const stored = await db.events.where('[aggregate+aggregateId]').equals(['slip', id]).toArray();
    const state = foldSlip(stored.map((s) => s.event as SlipEvent));
    if (state) rows.push(state);
  }
  await db.slips.bulkPut(rows);
}
