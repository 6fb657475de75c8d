import { rowsWithKeys } from './bulkRead.ts';
import type { DeskDb, StoredEvent } from './db.ts';

/** The stored events of some aggregates, by aggregateKey: what their projections are re-folded from. */
export type AggregateLogs = Map<string, StoredEvent[]>;

export interface AggregateRef {
  readonly aggregate: string;
  readonly aggregateId: string;
}

export function aggregateKey(aggregate: string, aggregateId: string): string {
  return `${aggregate}\u0000${aggregateId}`;
}

/** The events of one aggregate in `logs` (none when it has no stored event). */
export function logOf(logs: AggregateLogs, aggregate: string, aggregateId: string): StoredEvent[] {
  return logs.get(aggregateKey(aggregate, aggregateId)) ?? [];
}

/** The stored events of these aggregates, read together (see bulkRead.ts): a pulled page touches hundreds. */
export async function readAggregateLogs(db: DeskDb, aggregates: Iterable<AggregateRef>): Promise<AggregateLogs> {
  const wanted = new Map<string, [string, string]>();
  for (const a of aggregates) wanted.set(aggregateKey(a.aggregate, a.aggregateId), [a.aggregate, a.aggregateId]);
  const logs: AggregateLogs = new Map();
  if (wanted.size === 0) return logs;
  const rows = await rowsWithKeys(db.events, '[aggregate+aggregateId]', [...wanted.values()]);
  for (const row of rows) addToLog(logs, row);
  return logs;
}

export function addToLog(logs: AggregateLogs, row: StoredEvent): void {
  const key = aggregateKey(row.aggregate, row.aggregateId);
  const log = logs.get(key);
  if (log) log.push(row);
  else logs.set(key, [row]);
}
