// Hybrid logical clock (Kulkarni et al.): physical milliseconds + a counter + the node id.
// Serialised so that plain string comparison is causal order; the node id breaks ties deterministically.

export interface Hlc {
  readonly ms: number;
  readonly counter: number;
  readonly node: string;
}

/** A remote clock further ahead than this is not followed; the event is flagged instead (see receiveHlc). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

const MS_WIDTH = 15;
const COUNTER_WIDTH = 5;

export function formatHlc(h: Hlc): string {
  if (h.counter > 36 ** COUNTER_WIDTH - 1) throw new RangeError('HLC counter overflow');
  return `${String(h.ms).padStart(MS_WIDTH, '0')}-${h.counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${h.node}`;
}

/**
 * The node part names the clock: a desk's deviceId (a ULID, 26 characters) or the server's 'hq'. Bounded in length
 * and to letters, digits, '-' and '_', so an HLC can neither carry a megabyte nor a NUL (which PostgreSQL text
 * cannot hold: the push would fail on every retry).
 */
export const MAX_HLC_NODE_LENGTH = 64;
export const MAX_HLC_LENGTH = MS_WIDTH + 1 + COUNTER_WIDTH + 1 + MAX_HLC_NODE_LENGTH;

const HLC_RE = new RegExp(
  `^(\\d{${MS_WIDTH}})-([0-9a-z]{${COUNTER_WIDTH}})-([0-9A-Za-z_-]{1,${MAX_HLC_NODE_LENGTH}})$`,
);

export function parseHlc(text: string): Hlc {
  const m = HLC_RE.exec(text);
  if (!m) throw new Error(`not an HLC timestamp: ${text}`);
  return { ms: Number(m[1]), counter: parseInt(m[2] ?? '0', 36), node: m[3] ?? '' };
}

export function isHlc(text: string): boolean {
  return HLC_RE.test(text);
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Local event or send: advance past both the wall clock and everything seen so far. */
export function tickHlc(last: Hlc, now: number): Hlc {
  if (now > last.ms) return { ms: now, counter: 0, node: last.node };
  return { ms: last.ms, counter: last.counter + 1, node: last.node };
}

export interface ReceiveResult {
  readonly clock: Hlc;
  /** True when the remote clock is more than MAX_CLOCK_DRIFT_MS ahead of our wall clock. */
  readonly drifted: boolean;
}

/**
 * Merge a remote timestamp. A remote clock far in the future does not drag ours along
 * (a desk whose clock is wrong must not poison everyone else); it is reported as drifted.
 */
export function receiveHlc(last: Hlc, remote: Hlc, now: number, maxDrift = MAX_CLOCK_DRIFT_MS): ReceiveResult {
  const drifted = remote.ms - now > maxDrift;
  if (drifted) return { clock: tickHlc(last, now), drifted };
  const ms = Math.max(last.ms, remote.ms, now);
  let counter: number;
  if (ms === last.ms && ms === remote.ms) counter = Math.max(last.counter, remote.counter) + 1;
  else if (ms === last.ms) counter = last.counter + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  else counter = 0;
  return { clock: { ms, counter, node: last.node }, drifted };
}
