import type { z } from 'zod';
import { isSeq } from '../model/seq.ts';
import {
  pulledEventSchema,
  pulledReferenceSchema,
  type PulledEvent,
  type PulledReference,
  type PullPage,
} from './protocol.ts';

// A pulled page is read item by item (issue 10): servers before the current bounds stored events and reference
// documents that today's schemas refuse (a 1 MB department name, a deviceSeq past 2^31 − 1, an HLC out of range).
// Refusing the whole page for one of them would stop every desk at that cursor for good; instead the good items
// are applied, the others are set aside for a person to see, and the cursor moves past them all.

/** Longest reason kept for an unreadable item: enough to name the fields, never the content. */
export const MAX_UNREADABLE_REASON = 300;

/** One item of a pulled page the current schemas cannot read. */
export interface UnreadableItem {
  readonly kind: 'event' | 'reference';
  /** The server's seq of the item, when it gave a sequence number. */
  readonly seq: number | null;
  /** The eventId, or kind/id of a reference document, when the item has a short one. */
  readonly id: string | null;
  /** Which fields failed and how ("event.payload.name: tooLong"), cut to MAX_UNREADABLE_REASON. */
  readonly reason: string;
}

/** The page with the items the current schemas read, and the ones they cannot beside them. */
export interface ReadPage extends Omit<PullPage, 'events' | 'references'> {
  readonly events: PulledEvent[];
  readonly references: PulledReference[];
  readonly unreadable: UnreadableItem[];
}

const MAX_ISSUES = 3;
const MAX_ID = 64;

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

const shortString = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID ? value : null;

function describe(error: z.ZodError): string {
  const text = error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.map(String).join('.') || '(item)'}: ${issue.message}`)
    .join('; ');
  const more = error.issues.length > MAX_ISSUES ? ` (+${error.issues.length - MAX_ISSUES})` : '';
  const reason = text + more;
  return reason.length <= MAX_UNREADABLE_REASON ? reason : `${reason.slice(0, MAX_UNREADABLE_REASON - 1)}…`;
}

function seqOf(item: unknown): number | null {
  const seq = field(item, 'seq');
  return isSeq(seq) ? seq : null;
}

function referenceId(item: unknown): string | null {
  const kind = shortString(field(item, 'doc', 'kind'));
  const id = shortString(field(item, 'doc', 'id'));
  return kind && id ? `${kind}/${id}` : null;
}

/** Split a page into what the current schemas read and what they cannot. Pure; the order of each kind is kept. */
export function readPullPage(page: PullPage): ReadPage {
  const events: PulledEvent[] = [];
  const references: PulledReference[] = [];
  const unreadable: UnreadableItem[] = [];
  for (const item of page.events) {
    const parsed = pulledEventSchema.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else {
      const id = shortString(field(item, 'event', 'eventId'));
      unreadable.push({ kind: 'event', seq: seqOf(item), id, reason: describe(parsed.error) });
    }
  }
  for (const item of page.references) {
    const parsed = pulledReferenceSchema.safeParse(item);
    if (parsed.success) references.push(parsed.data);
    else
      unreadable.push({ kind: 'reference', seq: seqOf(item), id: referenceId(item), reason: describe(parsed.error) });
  }
  return { ...page, events, references, unreadable };
}
