import { COMPLAINT_LIMITS, type ComplaintLink } from '../../../shared/model/complaintEvents.ts';
import { SERIAL_RE } from '../../../shared/model/slip.ts';
import type { CaseRow, ContactRow, SlipRow } from '../db.ts';

// What a complaint's record picker looks for, and how a found record is shown. A complaint keeps only the link
// (kind + id): the name, matter or item shown here is read from this desk's own records each time it is drawn, so
// nothing personal is copied into the complaint.

/** A record this desk holds, as the picker offers it and the drawer shows it. Never stored in a complaint. */
export interface RecordHit {
  readonly link: ComplaintLink;
  /** Who or what: the visitor's name, the case's item, the slip's title. */
  readonly title: string;
  /** Which one: the matter and day of a contact, the applicant and number of a case, the slip's serial. */
  readonly detail: string;
}

/** How many characters of a ULID the desk shows as a case's number (办件编号尾号, as in contact.timelineCase). */
export const CASE_TAIL = 6;

const ULID_TAIL = /^[0-9A-HJKMNP-TV-Z]{4,26}$/;
// A serial's beginning starts with the bureau's letters (a phone number with dashes does not).
const SERIAL_PART = /^[A-Z]{2,8}-[A-Z0-9]*(-[A-Z0-9]*){0,2}$/;

export interface RecordQuery {
  /** A case number (the tail the desk prints, or the whole id), upper-cased. */
  readonly caseTail?: string;
  /** A slip serial or its beginning (NYKJ-W7K2Q-2026-…), upper-cased. */
  readonly serialPrefix?: string;
  /** A slip's sequence number as printed at the end of its serial (leading zeros dropped). */
  readonly serialSeq?: string;
  /** Anything else: a visitor's name, organisation, phone or initials (searchVisitors) or a matter. */
  readonly text?: string;
}

/**
 * What the clerk typed, read the ways it may be meant: `000127` may be a slip's sequence or a case number's tail;
 * `张三` only a name or a matter. Null when there is nothing to search for.
 */
export function recordQueryOf(raw: string): RecordQuery | null {
  const trimmed = raw.normalize('NFKC').trim();
  if (!trimmed) return null;
  const upper = trimmed.toUpperCase();
  const query: { -readonly [K in keyof RecordQuery]: RecordQuery[K] } = {};
  if (ULID_TAIL.test(upper)) query.caseTail = upper;
  if (SERIAL_PART.test(upper) || SERIAL_RE.test(upper)) query.serialPrefix = upper;
  if (/^\d{3,9}$/.test(upper)) query.serialSeq = upper.replace(/^0+(?=\d)/, '');
  // A serial is not a name or a matter; everything else may be.
  if (!query.serialPrefix) query.text = trimmed;
  return query;
}

/** Whether a case id answers to the number typed: the whole id, or its tail of at least four characters. */
export function caseIdMatches(caseId: string, tail: string): boolean {
  return caseId === tail || (tail.length < caseId.length && caseId.endsWith(tail));
}

/** Whether a slip serial answers: its beginning, or the sequence at its end (leading zeros aside). */
export function serialMatches(serial: string, query: RecordQuery): boolean {
  if (query.serialPrefix !== undefined && serial.startsWith(query.serialPrefix)) return true;
  if (query.serialSeq === undefined) return false;
  const seq = serial.slice(serial.lastIndexOf('-') + 1).replace(/^0+(?=\d)/, '');
  return seq === query.serialSeq;
}

/** Whether a contact's matter holds the text (case and width aside). */
export function matterMatches(matter: string, text: string): boolean {
  const needle = text.normalize('NFKC').toLowerCase();
  return needle.length > 0 && matter.normalize('NFKC').toLowerCase().includes(needle);
}

/** How much of a matter a chip shows: enough to tell two visits apart, short enough for one line. */
export const MATTER_SHOWN = 24;

export function contactHit(row: ContactRow): RecordHit {
  const matter = row.matter.trim();
  const shown = [...matter].length > MATTER_SHOWN ? `${[...matter].slice(0, MATTER_SHOWN).join('')}…` : matter;
  return {
    link: { kind: 'contact', id: row.contactId } as ComplaintLink,
    title: row.visitor.name?.trim() || row.visitor.organisation?.trim() || '',
    detail: `${shown} · ${row.openedDay}`,
  };
}

export function caseHit(row: CaseRow): RecordHit {
  return {
    link: { kind: 'case', id: row.caseId } as ComplaintLink,
    title: row.serviceItemName,
    detail: `${row.applicant} · ${row.caseId.slice(-CASE_TAIL)}`,
  };
}

export function slipHit(row: SlipRow): RecordHit {
  return { link: { kind: 'slip', id: row.serial } as ComplaintLink, title: row.title, detail: row.serial };
}

/** The key two links share when they name the same record (the schema refuses such a repeat). */
export function linkKey(link: ComplaintLink): string {
  return `${link.kind}:${link.id}`;
}

/** The links with `link` added at the end; unchanged when it is there already or the list is full. */
export function withLink(links: readonly ComplaintLink[], link: ComplaintLink): readonly ComplaintLink[] {
  const key = linkKey(link);
  if (links.length >= COMPLAINT_LIMITS.links || links.some((l) => linkKey(l) === key)) return links;
  return [...links, link];
}

export function withoutLink(links: readonly ComplaintLink[], link: ComplaintLink): readonly ComplaintLink[] {
  const key = linkKey(link);
  return links.filter((l) => linkKey(l) !== key);
}

/** The hits in the order found, each record once, those already linked left out, at most `limit`. */
export function freshHits(hits: readonly RecordHit[], linked: readonly ComplaintLink[], limit: number): RecordHit[] {
  const seen = new Set(linked.map(linkKey));
  const out: RecordHit[] = [];
  for (const hit of hits) {
    const key = linkKey(hit.link);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(hit);
    if (out.length >= limit) break;
  }
  return out;
}
