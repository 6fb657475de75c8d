import { useLiveQuery } from 'dexie-react-hooks';
import type { z } from 'zod';
import { complaintReceivedPayload, type ComplaintId } from '../../../shared/model/complaintEvents.ts';
import { staffIdSchema, type EventId } from '../../../shared/model/ids.ts';
import { InvalidEventError } from '../append.ts';
import type { ComplaintOutboxRow, DeskDb } from '../db.ts';
import { newId } from '../ids.ts';

// Issue 14 (art. 5, 31): any desk takes a complaint in, offline too, and hands it to HQ; once HQ acknowledges it the
// desk keeps nothing of it. So an intake is NOT a desk event (db.events and db.outbox sync to every desk): it waits in
// its own table, complaintOutbox, until send.ts has HQ's ack, and is deleted then and only then.

/** What the intake form holds: the shared payload before parsing (blank optional fields allowed). */
export type ComplaintReceivedInput = z.input<typeof complaintReceivedPayload>;

/**
 * Queue a complaint the clerk took in. Refused input throws InvalidEventError (the zod issues, by field, as the desk's
 * forms show them) and stores nothing. The row is written in one put: a crash after it loses nothing, a crash
 * before it stored nothing. The scheduler sees the new row and syncs (renderer/data/scheduler.ts), which sends it.
 */
export async function queueComplaint(
  db: DeskDb,
  staffId: string,
  payload: ComplaintReceivedInput,
): Promise<{ complaintId: ComplaintId }> {
  const parsed = complaintReceivedPayload.safeParse(payload);
  if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
  const clerk = staffIdSchema.safeParse(staffId);
  // Who took it in is the signed-in clerk, never a field of the form: a bad one is the form's fault as a whole.
  if (!clerk.success) throw new InvalidEventError(clerk.error.issues.map((i) => ({ ...i, path: ['form'] })));
  const row: ComplaintOutboxRow = {
    eventId: newId() as EventId,
    complaintId: newId() as ComplaintId,
    staffId: clerk.data,
    payload: parsed.data,
    queuedAt: new Date().toISOString(),
    attempts: 0,
  };
  await db.complaintOutbox.add(row);
  return { complaintId: row.complaintId };
}

/** An intake HQ refused, as the screen lists it: which row, HQ's message and code (no complainant, no account). */
export interface RefusedIntake {
  readonly eventId: EventId;
  readonly complaintId: ComplaintId;
  readonly lastError: string;
  readonly lastCode?: string;
}

/** What the intake screen says: how many complaints still wait for HQ, and which HQ refused and why. */
export interface ComplaintOutboxState {
  /** Every complaint taken in here that HQ has not acknowledged yet (the refused ones included). */
  readonly queued: number;
  /** Those HQ answered with a refusal: they stay here (nothing the clerk typed is lost) until HQ takes them. */
  readonly failed: readonly RefusedIntake[];
  /** The complaint ids still waiting, so a screen can tell "待上报" from "已上报" for the one just taken. */
  readonly complaintIds: readonly ComplaintId[];
  /** False until the first read of the table: nothing is "已上报" before it is known. */
  readonly loaded: boolean;
}

const NOTHING_YET: ComplaintOutboxState = { queued: 0, failed: [], complaintIds: [], loaded: false };

/** The outbox's state, read from rows that hold no more than ids and errors (no complainant, no account). */
export async function readComplaintOutbox(db: DeskDb): Promise<ComplaintOutboxState> {
  const rows = await db.complaintOutbox.orderBy('queuedAt').toArray();
  return {
    queued: rows.length,
    failed: rows.flatMap((r) =>
      r.lastError
        ? [
            {
              eventId: r.eventId,
              complaintId: r.complaintId,
              lastError: r.lastError,
              ...(r.lastCode ? { lastCode: r.lastCode } : {}),
            },
          ]
        : [],
    ),
    complaintIds: rows.map((r) => r.complaintId),
    loaded: true,
  };
}

/** Live: changes as complaints are queued, refused and acknowledged. */
export function useComplaintOutbox(db: DeskDb): ComplaintOutboxState {
  return useLiveQuery(() => readComplaintOutbox(db), [db]) ?? NOTHING_YET;
}

/** A refused intake with what was typed, for the clerk to correct; undefined once it is gone (sent, or replaced). */
export async function readRefusedIntake(db: DeskDb, eventId: string): Promise<ComplaintOutboxRow | undefined> {
  const row = await db.complaintOutbox.get(eventId as EventId);
  return row?.lastError ? row : undefined;
}

/**
 * The clerk corrected an intake HQ refused: it goes again as the same complaint (same complaintId) under a new
 * eventId — HQ is idempotent by eventId and would answer the old one's refusal again — with the attempts reset.
 * The refused row is deleted and the new one added in ONE transaction: a crash between leaves the refused row (and
 * what was typed in it), never zero rows. Bad input throws InvalidEventError and changes nothing; a row no longer
 * refused (sent, or corrected in another window) is not replaced: throws RefusedIntakeGoneError.
 */
export async function resendRefusedComplaint(
  db: DeskDb,
  refusedEventId: string,
  staffId: string,
  payload: ComplaintReceivedInput,
): Promise<{ complaintId: ComplaintId; eventId: EventId }> {
  const parsed = complaintReceivedPayload.safeParse(payload);
  if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
  const clerk = staffIdSchema.safeParse(staffId);
  if (!clerk.success) throw new InvalidEventError(clerk.error.issues.map((i) => ({ ...i, path: ['form'] })));
  return db.transaction('rw', db.complaintOutbox, async () => {
    const old = await db.complaintOutbox.get(refusedEventId as EventId);
    if (!old?.lastError) throw new RefusedIntakeGoneError();
    const row: ComplaintOutboxRow = {
      eventId: newId() as EventId,
      complaintId: old.complaintId,
      staffId: clerk.data,
      payload: parsed.data,
      // Keeps its place in the queue (sent oldest first).
      queuedAt: old.queuedAt,
      attempts: 0,
    };
    await db.complaintOutbox.delete(old.eventId);
    await db.complaintOutbox.add(row);
    return { complaintId: row.complaintId, eventId: row.eventId };
  });
}

/** The refused intake is no longer waiting (HQ took it, or it was corrected elsewhere): nothing was changed. */
export class RefusedIntakeGoneError extends Error {
  constructor() {
    super('refused-intake-gone');
    this.name = 'RefusedIntakeGoneError';
  }
}
