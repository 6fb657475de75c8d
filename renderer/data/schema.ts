import type { Transaction } from 'dexie';

/**
 * The desk's IndexedDB schema, one entry per version, oldest first. Migration path: never edit a
 * released entry; add a new version with its `stores` (only the tables that change) and, when data
 * must be reshaped, an `upgrade`. Projections can always be rebuilt from the events (rebuildProjections),
 * so a projection change can simply clear and rebuild its table in the upgrade.
 */
export interface SchemaVersion {
  readonly version: number;
  readonly stores: Record<string, string | null>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      events: '&eventId, [aggregate+aggregateId], serverSeq',
      outbox: '&deviceSeq',
      contacts: '&contactId, openedDay, openedAt, responsibleStaffId, status, phoneDigits',
      refs: '&[kind+id], kind',
      meta: '&key',
      rejected: '&eventId',
    },
  },
];
