import type { Transaction } from 'dexie';
import { normaliseCatalogOnUpgrade } from './catalogVersions.ts';
import { refoldCasesOnUpgrade, refoldContactsOnUpgrade, stripStaffSecretsOnUpgrade } from './upgrades.ts';
import { keyVisitorsOnUpgrade, tokensOnUpgrade } from './visitors.ts';

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
  {
    // Returning-visitor search: contacts grouped by visitor key (newest first per visitor), and one
    // visitors row per key whose multiEntry tokens cover phone digits, names, organisations and initials.
    version: 2,
    stores: {
      contacts: '&contactId, openedDay, openedAt, responsibleStaffId, status, phoneDigits, [visitorKey+openedAt]',
      visitors: '&visitorKey, *tokens, initialsPending',
    },
    upgrade: keyVisitorsOnUpgrade,
  },
  {
    // Inboxes (what waits for whom) and the register's dispositions: rows folded by the version 1 rules
    // lack the fields the new rules add (awaitingStaffId, waitingSince…), so every contact is re-folded.
    version: 3,
    stores: {
      contacts:
        '&contactId, openedDay, openedAt, responsibleStaffId, status, phoneDigits, [visitorKey+openedAt], awaitingStaffId',
    },
    upgrade: refoldContactsOnUpgrade,
  },
  {
    // Cases (限时办结): one row per case for the deadline board, by contact, status, handler and department.
    version: 4,
    stores: { cases: '&caseId, contactId, status, handlerStaffId, departmentId' },
  },
  {
    // Slips (一次性告知单 and its siblings): one row per slip, by serial and by the case or contact it is about.
    // A new table of a new aggregate: nothing older to reshape, slip events did not exist before.
    version: 5,
    stores: { slips: '&slipId, serial, subjectId' },
  },
  {
    // One row per pulled contact instead of two, and fewer index entries per row: an initial sync writes
    // 100,000 events and their projections, and Chromium's IndexedDB spends most of that time per record and per
    // index entry. The returning-visitor tokens move onto the contacts (the visitors table goes); the indexes
    // nothing queries go (events by serverSeq; contacts by openedAt, responsibleStaffId, phoneDigits).
    version: 6,
    stores: {
      events: '&eventId, [aggregate+aggregateId]',
      contacts: '&contactId, openedDay, status, [visitorKey+openedAt], awaitingStaffId, *tokens, initialsPending',
      visitors: null,
    },
    upgrade: tokensOnUpgrade,
  },
  {
    // Proven authorship (issue 11): staff secrets leave the directory. Every staff doc loses its pinHash (a leader's
    // included, which a desk must never hold); offline sign-in uses this desk's own verifiers instead, one per
    // person who signed in here online (renderer/data/signInVerifiers.ts).
    version: 7,
    stores: { signInVerifiers: '&staffId' },
    upgrade: stripStaffSecretsOnUpgrade,
  },
  {
    // Issue 12: a catalog item's steps carry their own limits and the statutory limit is optional. Items stored
    // before hold steps as plain strings: each is read once with today's schema (steps become { name }).
    version: 8,
    stores: {},
    upgrade: normaliseCatalogOnUpgrade,
  },
  {
    // Issue 12: contacts carry the cases opened for them (item 7), the checklists given (art. 10) and every
    // escalation with its resolution (art. 12); rows folded before lack them, so every contact is re-folded.
    version: 9,
    stores: {},
    upgrade: refoldContactsOnUpgrade,
  },
  {
    // Issue 12: cases carry the fields the new rules judge by (receipt day and intake, limits at opening, steps,
    // the day each act was recorded, notAllowed flags); rows folded before lack them, so every case is re-folded.
    version: 10,
    stores: {},
    upgrade: refoldCasesOnUpgrade,
  },
  {
    // Issue 13: the QR rating token of each slip this desk printed, kept here only (never synced: any desk reads the
    // log, and the link alone rates the slip). A reprint here prints the same link (renderer/data/slipTokens.ts).
    version: 11,
    stores: { slipTokens: '&slipId' },
  },
  {
    // Issue 14: complaints taken in at this desk wait here for HQ's ack, then leave (renderer/data/complaints/
    // outbox.ts). A table apart from events/outbox: a complaint is confidential and never syncs to other desks.
    version: 12,
    stores: { complaintOutbox: '&eventId, complaintId, queuedAt' },
  },
];
