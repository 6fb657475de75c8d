import type { PadAnswerBody, PadRateRequest, PadRequestState } from '../../../shared/sync/padRelay.ts';

// What HQ relays between a desk and its paired tablets (issue 13 item 3): at most one open rating request per desk,
// and the applicant's answer until the desk collects it. Kept in this process's memory, on purpose: a request lives
// only while the applicant stands at the window, nothing in it is a record (the desk writes the rating itself, in
// its own log), and a restart costs at most one request, which the desk sees as 'unknown' and can ask again or use
// its local pad. The price: desk and tablet must reach the same instance (see README, Deployment).

/** An unanswered request, or an answer never collected, is dropped after this: the applicant has left. */
export const REQUEST_TTL_MS = 15 * 60_000;
/** Long polls held at once per desk (its tablets and its own status polls); more are refused, not queued. */
export const MAX_WAITERS_PER_DESK = 12;
/** A tablet that polled within this counts as listening. */
const LISTENING_MS = 35_000;
/** Requests whose end is remembered per desk, so the desk learns 'superseded' or 'cancelled' and not 'unknown'. */
const ENDED_KEPT = 20;

type Open = PadRateRequest & { state: 'waiting' | 'showing' | 'answered'; at: number; answer?: PadAnswerBody };

interface DeskSlot {
  open: Open | null;
  ended: Map<string, PadRequestState>;
  waiters: Set<() => void>;
  lastPollAt: number;
}

export class PadRelayState {
  private readonly desks = new Map<string, DeskSlot>();
  private readonly unpaired = new Map<string, number>();
  /** The server is closing: every poll is answered now and none is held again. */
  closing = false;

  constructor(private readonly now: () => number = Date.now) {}

  private slot(deviceId: string): DeskSlot {
    let slot = this.desks.get(deviceId);
    if (!slot) {
      slot = { open: null, ended: new Map(), waiters: new Set(), lastPollAt: 0 };
      this.desks.set(deviceId, slot);
    }
    if (slot.open && this.now() - slot.open.at > REQUEST_TTL_MS) this.end(slot, 'cancelled');
    return slot;
  }

  private end(slot: DeskSlot, state: PadRequestState): void {
    if (!slot.open) return;
    slot.ended.set(slot.open.requestId, state);
    if (slot.ended.size > ENDED_KEPT) slot.ended.delete(slot.ended.keys().next().value!);
    slot.open = null;
  }

  private wake(slot: DeskSlot): void {
    for (const waiter of [...slot.waiters]) waiter();
  }

  /** The desk asks for a rating: its previous request ends as superseded (an uncollected answer with it). */
  post(deviceId: string, request: PadRateRequest): { listening: boolean } {
    const slot = this.slot(deviceId);
    if (slot.open?.requestId === request.requestId) return { listening: this.listening(slot) };
    this.end(slot, 'superseded');
    slot.ended.delete(request.requestId);
    slot.open = { ...request, state: 'waiting', at: this.now() };
    this.wake(slot);
    return { listening: this.listening(slot) };
  }

  private listening(slot: DeskSlot): boolean {
    return slot.waiters.size > 0 || this.now() - slot.lastPollAt < LISTENING_MS;
  }

  /** Withdrawn by the desk: nothing can answer it any more. An answer already given stays to be collected. */
  cancel(deviceId: string, requestId: string): PadRequestState {
    const slot = this.slot(deviceId);
    if (slot.open?.requestId === requestId && slot.open.state !== 'answered') {
      this.end(slot, 'cancelled');
      this.wake(slot);
    }
    return this.state(deviceId, requestId);
  }

  state(deviceId: string, requestId: string): PadRequestState {
    const slot = this.slot(deviceId);
    if (slot.open?.requestId === requestId) return slot.open.state;
    return slot.ended.get(requestId) ?? 'unknown';
  }

  /** The answer, exactly once; null when there is none to collect (not answered yet, collected, ended). */
  collect(deviceId: string, requestId: string): PadAnswerBody | null {
    const slot = this.slot(deviceId);
    const open = slot.open;
    if (open?.requestId !== requestId || open.state !== 'answered' || !open.answer) return null;
    this.end(slot, 'collected');
    this.wake(slot);
    return open.answer;
  }

  /** What a tablet of this desk shows: the open request (now 'showing'), or null once answered or ended. */
  showFor(deviceId: string): Open | null {
    const slot = this.slot(deviceId);
    slot.lastPollAt = this.now();
    const open = slot.open;
    if (!open || open.state === 'answered') return null;
    if (open.state === 'waiting') {
      open.state = 'showing';
      this.wake(slot);
    }
    return open;
  }

  /** The applicant's answer, once: false when the request is not this desk's open one (answered, ended, unknown). */
  answer(deviceId: string, requestId: string, answer: PadAnswerBody): boolean {
    const slot = this.slot(deviceId);
    const open = slot.open;
    if (open?.requestId !== requestId || open.state === 'answered') return false;
    open.state = 'answered';
    open.answer = answer;
    this.wake(slot);
    return true;
  }

  /**
   * Resolves when anything of this desk changes, after `ms`, or when `abort` fires; false (at once) when the desk
   * holds too many polls already.
   */
  wait(deviceId: string, ms: number, abort: (stop: () => void) => void): Promise<boolean> | false {
    const slot = this.slot(deviceId);
    if (slot.waiters.size >= MAX_WAITERS_PER_DESK) return false;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        slot.waiters.delete(done);
        resolve(true);
      };
      const timer = setTimeout(done, ms);
      slot.waiters.add(done);
      abort(done);
    });
  }

  /** A tablet just unpaired: its poll under way ends now, and its next one is refused by the database. */
  kick(deviceId: string, tabletId: string): void {
    this.unpaired.set(tabletId, this.now());
    for (const [id, at] of this.unpaired) if (this.now() - at > 60_000) this.unpaired.delete(id);
    this.wake(this.slot(deviceId));
  }

  wasKicked(tabletId: string): boolean {
    return this.unpaired.has(tabletId);
  }

  /** Every poll answered now (the server is closing). */
  releaseAll(): void {
    this.closing = true;
    for (const slot of this.desks.values()) this.wake(slot);
  }
}
