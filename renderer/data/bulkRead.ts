import type { IndexableType, Table } from 'dexie';

// Reading the rows of many keys inside one transaction. A query per key costs a round trip each to the IndexedDB
// backend; one cursor walk over the index (Dexie's anyOf / inAnyRange jumps from key to key) costs one, though
// opening a cursor costs more than a plain query. So a clerk's action, which touches one key, asks one query, and
// a pulled page, which touches hundreds, walks the index once. (No Promise.all of queries here: Dexie's
// transaction committed under nested async functions awaiting it, before they wrote.)

/** The rows whose `index` (':id' for the primary key) equals one of `keys`. */
export function rowsWithKeys<T, K, I>(table: Table<T, K, I>, index: string, keys: readonly IndexableType[]): Promise<T[]> {
  if (keys.length === 0) return Promise.resolve([]);
  if (keys.length === 1) return table.where(index).equals(keys[0]!).toArray();
  return table.where(index).anyOf(keys).toArray();
}
