import { useSyncExternalStore } from 'react';
import type { ContactId, StaffId } from '../../../shared/model/ids.ts';
import type { PadRequestState } from '../../../shared/sync/padRelay.ts';
import type { DeskDb } from '../../data/db.ts';
import { newId } from '../../data/ids.ts';
import { PadRelayError } from '../../data/padRelayCall.ts';
import { rememberPairedTablets, type PadRelayDesk } from '../../data/padRelayDesk.ts';
import { checkRatable, recordPadRating } from '../../data/ratings.ts';
import type { RatedPerson } from './PadRatingForm.tsx';
import { ratingErrorKey } from './ratingErrors.ts';

// A rating asked of the paired tablet, followed until the applicant answers. Kept outside any component: the clerk
// may close the contact's drawer while the applicant rates, and the answer must still be collected and recorded by
// this desk (recordPadRating, offline-safe in its own log, synced like every other event).

export type TabletRequestView =
  | { kind: 'sending' }
  | { kind: 'waiting'; requestId: string; shown: boolean; listening: boolean; trouble: boolean }
  /** HQ could not be reached when asking: the clerk may use the local pad instead. */
  | { kind: 'unreachable' }
  /** Superseded, or lost by HQ (restarted): ask again. */
  | { kind: 'ended' }
  | { kind: 'alreadyRated' }
  | { kind: 'failed'; reason: string };

const views = new Map<string, TabletRequestView>();
const listeners = new Set<() => void>();
/** Between two tries of a poll HQ did not answer. */
export const RELAY_RETRY_MS = 3000;

function show(contactId: string, view: TabletRequestView | null): void {
  if (view) views.set(contactId, view);
  else views.delete(contactId);
  for (const listener of [...listeners]) listener();
}

/** What the desk shows now for the contact's tablet request (null: nothing under way). */
export function tabletRequestView(contactId: string): TabletRequestView | null {
  return views.get(contactId) ?? null;
}

export function useTabletRequest(contactId: string): TabletRequestView | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => tabletRequestView(contactId),
  );
}

export function clearTabletRequest(contactId: string): void {
  show(contactId, null);
}

export interface TabletAsk {
  readonly db: DeskDb;
  readonly relay: PadRelayDesk;
  /** The clerk signed in here: the author of the rating event, as with the local pad. */
  readonly recorder: StaffId;
  readonly contactId: ContactId;
  readonly ratedStaffId: StaffId;
  readonly person: RatedPerson;
}

/**
 * Ask the paired tablet. 'noTablet': HQ says this desk has none (any more), so the caller uses the local pad;
 * 'tablet': the request is the tablet's (or the view says why not: unreachable, already rated).
 */
export async function askTablet(ask: TabletAsk): Promise<'tablet' | 'noTablet'> {
  const { db, relay, contactId } = ask;
  try {
    // As the local pad does: nothing is shown for a service that cannot be rated.
    await checkRatable(db, contactId, ask.ratedStaffId);
  } catch (error) {
    const reason = ratingErrorKey(error);
    show(
      contactId,
      reason === 'rating.errors.ratingAlreadyGiven' ? { kind: 'alreadyRated' } : { kind: 'failed', reason },
    );
    return 'tablet';
  }
  const requestId = newId();
  show(contactId, { kind: 'sending' });
  try {
    const { state, listening } = await relay.ask({
      requestId,
      contactId,
      ratedStaffId: ask.ratedStaffId,
      staffName: ask.person.name,
      staffTitle: ask.person.title,
      departmentName: ask.person.departmentName ?? '',
    });
    // Cancelled by the clerk while it was on its way: withdraw it at HQ too.
    if (views.get(contactId)?.kind !== 'sending') {
      await relay.cancel(requestId).catch(() => undefined);
      return 'tablet';
    }
    show(contactId, { kind: 'waiting', requestId, shown: state === 'showing', listening, trouble: false });
    void follow(ask, requestId, state);
    return 'tablet';
  } catch (error) {
    if (error instanceof PadRelayError && error.code === 'pad-no-tablet') {
      await rememberPairedTablets(db, 0);
      show(contactId, null);
      return 'noTablet';
    }
    show(contactId, { kind: 'unreachable' });
    return 'tablet';
  }
}

function current(contactId: string, requestId: string) {
  const view = views.get(contactId);
  return view?.kind === 'waiting' && view.requestId === requestId ? view : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follow the request by long polls until it is answered (then collect and record it) or ends. */
async function follow(ask: TabletAsk, requestId: string, first: PadRequestState): Promise<void> {
  const { contactId, relay } = ask;
  let state = first;
  for (;;) {
    const view = current(contactId, requestId);
    if (!view) return; // cancelled by the clerk, or another request replaced it
    if (state === 'answered') {
      await collectAndRecord(ask, requestId);
      return;
    }
    if (state !== 'waiting' && state !== 'showing') {
      show(contactId, { kind: 'ended' });
      return;
    }
    try {
      const next = await relay.status(requestId, state);
      state = next;
      const now = current(contactId, requestId);
      if (now) show(contactId, { ...now, shown: now.shown || next === 'showing', trouble: false });
    } catch {
      // HQ unreachable for a moment: the request stays on the tablet; say so and try again.
      const now = current(contactId, requestId);
      if (now && !now.trouble) show(contactId, { ...now, trouble: true });
      await sleep(RELAY_RETRY_MS);
    }
  }
}

async function collectAndRecord(ask: TabletAsk, requestId: string): Promise<void> {
  const { contactId } = ask;
  for (;;) {
    if (!current(contactId, requestId)) return;
    try {
      const answer = await ask.relay.collect(requestId);
      try {
        await recordPadRating(ask.db, ask.recorder, { contactId, ratedStaffId: ask.ratedStaffId, ...answer });
        show(contactId, null); // the live query now shows the rating itself
      } catch (error) {
        show(contactId, { kind: 'failed', reason: ratingErrorKey(error) });
      }
      return;
    } catch (error) {
      if (error instanceof PadRelayError && error.code !== 'offline') {
        show(contactId, { kind: 'ended' });
        return;
      }
      await sleep(RELAY_RETRY_MS);
    }
  }
}

/** The clerk withdraws the request: the tablet goes back to waiting and nothing is recorded. */
export async function cancelTabletRequest(relay: PadRelayDesk, contactId: string): Promise<void> {
  const view = views.get(contactId);
  show(contactId, null);
  if (view?.kind !== 'waiting') return;
  // Unreachable HQ: the request then ends by itself (15 minutes) and its answer is never collected or recorded.
  await relay.cancel(view.requestId).catch(() => undefined);
}
