import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ComplaintEvent } from '../../../shared/model/complaintEvents.ts';
import { canonicalJson } from '../../../shared/sync/canonical.ts';

// The complaint register is the evidence (issue 14, point 2), so it must be tamper-evident as well as append-only:
// each stored act carries a SHA-256 over the previous act's hash of the same complaint and its own canonical JSON.
// Changing, removing or reordering any stored act breaks every hash after it, which verifyComplaintChain finds;
// the head hash is given to leaders and supervisors with the complaint and written to the server log at each act,
// so a rewrite of the whole chain does not go unseen either.

/** The hash of `event` following `previous` (null for a complaint's first act). */
export function complaintChainHash(previous: string | null, event: ComplaintEvent): string {
  return createHash('sha256')
    .update(previous ?? '', 'utf8')
    .update('\n', 'utf8')
    .update(canonicalJson(event), 'utf8')
    .digest('hex');
}

export interface ComplaintChainCheck {
  readonly intact: boolean;
  /** How many acts the chain holds. */
  readonly events: number;
  /** The last act's stored hash ('' for none). */
  readonly head: string;
  /** The first act whose stored hash does not follow from the acts before it. */
  readonly brokenAt?: string;
}

/** Recompute the chain over one complaint's acts in the order HQ stored them, each with its stored hash. */
export function verifyComplaintChain(
  rows: readonly { event: ComplaintEvent; chain: string | null }[],
): ComplaintChainCheck {
  let previous: string | null = null;
  for (const { event, chain } of rows) {
    const expected = complaintChainHash(previous, event);
    if (chain !== expected) {
      return { intact: false, events: rows.length, head: rows.at(-1)?.chain ?? '', brokenAt: event.eventId };
    }
    previous = expected;
  }
  return { intact: true, events: rows.length, head: previous ?? '' };
}

/** Migration 0012_complaint_chain: the column, and the hashes of the acts stored before it, per complaint in order. */
export async function migrateComplaintChain(
  db: Kysely<unknown>,
  readAll: () => Promise<{ seq: number; event: ComplaintEvent }[]>,
): Promise<void> {
  await db.schema.alterTable('complaint_events').addColumn('chain', 'text').execute();
  const last = new Map<string, string>();
  for (const { seq, event } of await readAll()) {
    const chain = complaintChainHash(last.get(event.complaintId) ?? null, event);
    last.set(event.complaintId, chain);
    await (db as Kysely<{ complaint_events: { seq: number; chain: string | null } }>)
      .updateTable('complaint_events')
      .set({ chain })
      .where('seq', '=', seq)
      .execute();
  }
}
