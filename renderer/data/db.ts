import { Dexie, type EntityTable } from 'dexie';
import type { DeskEvent } from '../../shared/model/events.ts';
import type { ReferenceDoc } from '../../shared/model/reference.ts';
import type { ContactState } from '../../shared/rules/contact.ts';
import type { CaseState } from '../../shared/rules/case.ts';
import type { SlipState } from '../../shared/rules/slips/fold.ts';
import type { ContactSearchFields } from '../../shared/rules/visitor.ts';
import type { RejectionCode } from '../../shared/sync/protocol.ts';
import type { ComplaintIntake } from '../../shared/sync/complaintApi.ts';
import { SCHEMA_VERSIONS } from './schema.ts';

/** An event as the desk keeps it: the event itself plus where the server put it, once known. */
export interface StoredEvent {
  readonly eventId: string;
  readonly aggregate: DeskEvent['aggregate'];
  readonly aggregateId: string;
  readonly event: DeskEvent;
  /** The server's commit sequence; absent while the event is only local. */
  serverSeq?: number;
  receivedAt?: string;
}

/** Events waiting for the server's acknowledgement, in device order. */
export interface OutboxEntry {
  readonly deviceSeq: number;
  readonly eventId: string;
}

/**
 * Projection for the register screens: one row per contact, rebuilt from its events. It is also the
 * returning-visitor index: its multiEntry `tokens` find it by phone, name, organisation and initials, and its
 * visitorKey groups it with the visitor's other contacts (renderer/data/visitors.ts).
 */
export interface ContactRow extends ContactState, ContactSearchFields {
  /** Local calendar day of registration, YYYY-MM-DD, for "today's contacts". */
  readonly openedDay: string;
  /** Which returning visitor this contact belongs to (visitorKeyOf). */
  readonly visitorKey: string;
}

/** Projection for the deadline board and case panels: one row per case. */
export interface CaseRow extends CaseState {
  readonly serviceItemName: string;
  /** The department handling the item (from the catalog), for the department's board. */
  readonly departmentId: string;
  readonly applicant: string;
}

/** Projection of the slips issued: one row per slip (its first print and every reprint), by subject and serial. */
export type SlipRow = SlipState;

export interface RefRow {
  readonly kind: ReferenceDoc['kind'];
  readonly id: string;
  readonly doc: ReferenceDoc;
}

export interface RejectedRow {
  readonly eventId: string;
  readonly deviceSeq: number | null;
  readonly code: RejectionCode;
  readonly message: string;
  readonly at: string;
}

/** This desk's offline sign-in verifier for one person who signed in here online (renderer/data/pin.ts). */
export interface SignInVerifierRow {
  readonly staffId: string;
  readonly verifier: string;
  readonly updatedAt: string;
}

/** This desk's own QR rating token of a slip it printed (issue 13); never synced (renderer/data/slipTokens.ts). */
export interface SlipTokenRow {
  readonly slipId: string;
  readonly token: string;
  /** SHA-256 (hex) of the token, as the print event carries it for HQ. */
  readonly tokenSha256: string;
}

/**
 * A complaint taken in at this desk, waiting for HQ's ack (issue 14, renderer/data/complaints/outbox.ts). Never an
 * event: complaints are confidential, so the row leaves this desk on HQ's ack and nothing of it stays.
 */
export interface ComplaintOutboxRow extends ComplaintIntake {
  /** When the clerk queued it (desk clock, ISO), for the order of sending and the screen. */
  readonly queuedAt: string;
  /** How many times HQ was asked and answered something other than an ack. */
  readonly attempts: number;
  /** Why HQ did not take it at the last attempt (status and HQ's message); absent until a refusal. */
  readonly lastError?: string;
  /** HQ's error code of that refusal, when it gave one: the desk words it in the clerk's language. */
  readonly lastCode?: string;
}

export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

export type DeskDb = Dexie & {
  events: EntityTable<StoredEvent, 'eventId'>;
  outbox: EntityTable<OutboxEntry, 'deviceSeq'>;
  contacts: EntityTable<ContactRow, 'contactId'>;
  cases: EntityTable<CaseRow, 'caseId'>;
  slips: EntityTable<SlipRow, 'slipId'>;
  refs: Dexie.Table<RefRow, [string, string]>;
  meta: EntityTable<MetaRow, 'key'>;
  rejected: EntityTable<RejectedRow, 'eventId'>;
  signInVerifiers: EntityTable<SignInVerifierRow, 'staffId'>;
  slipTokens: EntityTable<SlipTokenRow, 'slipId'>;
  complaintOutbox: EntityTable<ComplaintOutboxRow, 'eventId'>;
};

export const DEFAULT_DB_NAME = 'firstdesk';

/** Open (and, when the stored schema is older, migrate) the desk database. */
export function openDeskDb(name = DEFAULT_DB_NAME): DeskDb {
  const db = new Dexie(name) as DeskDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const v = db.version(version).stores(stores);
    if (upgrade) v.upgrade((tx) => upgrade(tx));
  }
  return db;
}
