import { createUlidFactory } from '../../shared/rules/ulid.ts';

const ulid = createUlidFactory((n) => crypto.getRandomValues(new Uint8Array(n)));

/** A new ULID from this desk: time-ordered, unique without asking the server. */
export function newId(now = Date.now()): string {
  return ulid(now);
}
