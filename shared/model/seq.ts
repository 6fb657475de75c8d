import { z } from 'zod';

/**
 * The largest sequence number on the wire: a desk's deviceSeq, the server's commit seq, a pull cursor, an ack.
 * Their columns are `integer` on both engines, and PostgreSQL's `integer` is 32-bit. We bound the numbers rather
 * than migrate the columns to bigint: node-postgres hands bigint back as a string, so every read of a seq would
 * need converting, and one missed conversion compares "10" < "9". The bound is far off: a desk recording 10,000
 * events a day reaches it in 580 years, a bureau storing 100,000 a day in 58.
 */
export const MAX_SEQ = 2 ** 31 - 1;

/** A sequence number, 1…MAX_SEQ. (`Number.isInteger(1e300)` is true: an integer check alone is no bound.) */
export const seqSchema = z.number().int().min(1).max(MAX_SEQ);

/** A position in a sequence, 0 (nothing yet) … MAX_SEQ: a cursor, an acknowledgement, the head. */
export const seqPositionSchema = z.number().int().min(0).max(MAX_SEQ);

/** True for a number seqSchema accepts; for checks on values that have not been parsed. */
export function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_SEQ;
}
