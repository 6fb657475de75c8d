import { normalisePhone, phoneDigits } from './phone.ts';

// Returning visitors (issue 3, item 1): the clerk types phone digits, a name or organisation, or pinyin
// initials, and finds the visitor and their earlier contacts. Pure: the pinyin library is injected.

/**
 * Lowercase pinyin initials of a text (张三 → 'zs'); latin letters and digits pass through lowercased.
 * `personalName` reads a leading surname as a surname (曾 zēng, not céng; 单 shàn, not dān).
 */
export type InitialsOf = (text: string, options?: { readonly personalName?: boolean }) => string;

/** What a contact tells about its visitor (a ContactState fits). */
export interface VisitorContact {
  readonly visitor: { readonly name?: string; readonly organisation?: string; readonly phone?: string };
  readonly openedAt: string;
}

/** One visitor as the clerk sees it in the search: derived from all contacts with the same visitor key. */
export interface VisitorSummary {
  readonly visitorKey: string;
  /** As given on the most recent contact that gave one. */
  readonly name?: string;
  readonly organisation?: string;
  readonly phone?: string;
  /** Every name / organisation the visitor was recorded under, newest first (a few at most). */
  readonly names: readonly string[];
  readonly organisations: readonly string[];
  readonly lastContactAt: string;
  readonly contactCount: number;
}

/** What a contact is found by (see contactTokens); the desk keeps these on the contact's own row. */
export interface ContactSearchFields {
  readonly tokens: readonly string[];
  /** 1 while the tokens lack pinyin initials (the pinyin library was not loaded when they were made). */
  readonly initialsPending?: 1;
}

export type VisitorQuery =
  | { readonly kind: 'phone'; readonly digits: string }
  | { readonly kind: 'initials'; readonly letters: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'none' };

const PHONE_TOKEN = 'tel:';
const TEXT_TOKEN = 'txt:';
const INITIALS_TOKEN = 'py:';
/** Sorts below every character, so an exact value comes before its longer completions. */
const RECENCY_SEPARATOR = '\u0000';
const RECENCY_BASE = 9_999_999_999_999;
const KEPT_ALIASES = 5;

/** Compare-ready text: full-width folded (NFKC), lowercase, without spaces, punctuation or symbols. */
export function normaliseText(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{C}\p{P}\p{S}]/gu, '');
}

function digitsOfPhone(raw: string | undefined): string {
  return raw ? phoneDigits(normalisePhone(raw)) : '';
}

/**
 * Which contacts belong to one visitor: the same phone number (whatever its spacing or +86), or,
 * for a visitor who left no phone, the same name and organisation.
 */
export function visitorKeyOf(visitor: VisitorContact['visitor']): string {
  const digits = digitsOfPhone(visitor.phone);
  if (digits) return `${PHONE_TOKEN}${digits}`;
  return `who:${normaliseText(visitor.name ?? '')}|${normaliseText(visitor.organisation ?? '')}`;
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * A suffix that sorts the most recent contact first among equal token values, so that an index
 * range read in key order yields exact matches, newest first, and needs to read only a few entries.
 */
function recencySuffix(openedAt: string): string {
  return RECENCY_SEPARATOR + String(Math.max(0, RECENCY_BASE - instant(openedAt))).padStart(13, '0');
}

/** The searched value of a token (without its kind and recency suffix). */
export function tokenValue(token: string): string {
  const start = token.indexOf(':') + 1;
  const end = token.indexOf(RECENCY_SEPARATOR);
  return token.slice(start, end < 0 ? undefined : end);
}

/** Landline without its area code: 0377-63176300 is also found by 6317… */
function localNumber(digits: string): string | undefined {
  return /^0(?:[12]\d|[3-9]\d{2})(\d{7,8})$/.exec(digits)?.[1];
}

/**
 * The index tokens of one contact: the visitor's phone digits (and a landline's local number), name and
 * organisation, and their pinyin initials (a personal name read both ways when its surname is polyphonic).
 * Each token is `kind value ␀ recency ␀ visitorKey`: equal values sort newest contact first, and a scan of the
 * index keys alone tells which visitor each entry belongs to, without reading a row.
 */
export function contactTokens(
  contact: VisitorContact & { readonly visitorKey: string },
  initialsOf: InitialsOf | null,
): string[] {
  const values = new Set<string>();
  const add = (kind: string, value: string | undefined) => {
    if (value) values.add(kind + value);
  };
  const { visitorKey } = contact;
  if (visitorKey.startsWith(PHONE_TOKEN)) {
    const digits = visitorKey.slice(PHONE_TOKEN.length);
    add(PHONE_TOKEN, digits);
    add(PHONE_TOKEN, localNumber(digits));
  }
  const name = contact.visitor.name?.trim();
  const organisation = contact.visitor.organisation?.trim();
  for (const text of [name, organisation]) if (text) add(TEXT_TOKEN, normaliseText(text));
  if (initialsOf) {
    if (name) {
      add(INITIALS_TOKEN, normaliseText(initialsOf(name)));
      add(INITIALS_TOKEN, normaliseText(initialsOf(name, { personalName: true })));
    }
    if (organisation) add(INITIALS_TOKEN, normaliseText(initialsOf(organisation)));
  }
  const suffix = recencySuffix(contact.openedAt) + RECENCY_SEPARATOR + visitorKey;
  return [...values].map((v) => v + suffix);
}

/** A contact's search fields; without an initials function they are marked for a later reindex. */
export function contactSearchFields(
  contact: VisitorContact & { readonly visitorKey: string },
  initialsOf: InitialsOf | null,
): ContactSearchFields {
  const tokens = contactTokens(contact, initialsOf);
  return initialsOf ? { tokens } : { tokens, initialsPending: 1 };
}

/** The visitor a token (see contactTokens) belongs to. */
export function tokenVisitorKey(token: string): string {
  const recency = token.indexOf(RECENCY_SEPARATOR);
  return token.slice(token.indexOf(RECENCY_SEPARATOR, recency + 1) + 1);
}

function distinctNewestFirst(texts: readonly (string | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const text of texts) {
    const trimmed = text?.trim();
    if (trimmed && !seen.has(normaliseText(trimmed))) seen.set(normaliseText(trimmed), trimmed);
  }
  return [...seen.values()].slice(0, KEPT_ALIASES);
}

/** Fold the contacts of one visitor key into what the clerk sees of the visitor; null when none is left. */
export function summariseVisitor(visitorKey: string, contacts: readonly VisitorContact[]): VisitorSummary | null {
  const newest = [...contacts].sort((a, b) => instant(b.openedAt) - instant(a.openedAt));
  const latest = newest[0];
  if (!latest) return null;
  const names = distinctNewestFirst(newest.map((c) => c.visitor.name));
  const organisations = distinctNewestFirst(newest.map((c) => c.visitor.organisation));
  return {
    visitorKey,
    name: names[0],
    organisation: organisations[0],
    phone: newest.find((c) => c.visitor.phone)?.visitor.phone,
    names,
    organisations,
    lastContactAt: latest.openedAt,
    contactCount: newest.length,
  };
}

/** What the clerk typed: digits → phone prefix, latin letters → pinyin initials, anything else → name prefix. */
export function classifyQuery(raw: string): VisitorQuery {
  const trimmed = raw.normalize('NFKC').trim();
  if (/\d/.test(trimmed) && /^[\d\s()+-]+$/.test(trimmed)) {
    const digits = phoneDigits(trimmed.startsWith('+') ? normalisePhone(trimmed) : trimmed);
    return digits ? { kind: 'phone', digits } : { kind: 'none' };
  }
  const text = normaliseText(trimmed);
  if (!text) return { kind: 'none' };
  if (/^[a-z][a-z0-9]*$/.test(text)) return { kind: 'initials', letters: text };
  return { kind: 'text', text };
}

/** The token prefix to range over in the index; null when there is nothing to search for. */
export function tokenPrefixOf(query: VisitorQuery): string | null {
  switch (query.kind) {
    case 'phone':
      return PHONE_TOKEN + query.digits;
    case 'initials':
      return INITIALS_TOKEN + query.letters;
    case 'text':
      return TEXT_TOKEN + query.text;
    case 'none':
      return null;
  }
}

function queryValue(query: VisitorQuery): string {
  if (query.kind === 'phone') return query.digits;
  if (query.kind === 'initials') return query.letters;
  if (query.kind === 'text') return query.text;
  return '';
}

/** A visitor found through one of its tokens. */
export interface TokenHit<T> {
  readonly token: string;
  readonly visitor: T;
}

type Rankable = Pick<VisitorSummary, 'visitorKey' | 'lastContactAt' | 'contactCount'>;

/**
 * The order the clerk sees: a visitor matched exactly (the whole number, name or initials) first,
 * then the most recent visitor, then the most frequent one. Each visitor appears once.
 */
export function rankVisitorHits<T extends Rankable>(
  query: VisitorQuery,
  hits: readonly TokenHit<T>[],
  limit: number,
): T[] {
  const wanted = queryValue(query);
  const best = new Map<string, { visitor: T; exact: boolean }>();
  for (const hit of hits) {
    const exact = tokenValue(hit.token) === wanted;
    const known = best.get(hit.visitor.visitorKey);
    if (!known || (exact && !known.exact)) best.set(hit.visitor.visitorKey, { visitor: hit.visitor, exact });
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        instant(b.visitor.lastContactAt) - instant(a.visitor.lastContactAt) ||
        b.visitor.contactCount - a.visitor.contactCount ||
        (a.visitor.visitorKey < b.visitor.visitorKey ? -1 : a.visitor.visitorKey > b.visitor.visitorKey ? 1 : 0),
    )
    .slice(0, limit)
    .map((m) => m.visitor);
}
