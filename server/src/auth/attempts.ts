// Failed attempts at a secret (an enrolment code, a staff member's PIN or password), counted per source so that
// guessing is slow: after `maxFailures` within `windowMs` of the first failure, that source is refused until the
// window ends, even with the right secret. Every attempt is charged before its secret is checked (check and charge
// run together, before the request waits on anything), and refunded when the secret was right: so a burst of
// parallel guesses is counted as it arrives, not after the database answered them all. Kept in this process's
// memory: behind a load balancer each instance counts on its own, so a guesser gets at most (instances ×
// maxFailures) tries per window, which still makes a 4-digit PIN or a 40-bit code impractical to guess. A restart
// forgets the counts.

export interface AttemptPolicy {
  readonly maxFailures: number;
  readonly windowMs: number;
}

/** An enrolment code is 40 random bits; ten typing mistakes in a quarter of an hour is generous. */
export const ENROLMENT_ATTEMPTS: AttemptPolicy = { maxFailures: 10, windowMs: 15 * 60_000 };

/**
 * Online sign-in (issue 11), counted twice: five wrong secrets for one person from one desk, and twenty from one
 * desk whoever they name (so a desk cannot spread its guesses over many people), each then a quarter-hour pause.
 */
export const SIGN_IN_PER_STAFF_ATTEMPTS: AttemptPolicy = { maxFailures: 5, windowMs: 15 * 60_000 };
export const SIGN_IN_PER_DESK_ATTEMPTS: AttemptPolicy = { maxFailures: 20, windowMs: 15 * 60_000 };

/** Sources remembered at most; beyond it, expired entries are dropped first, then the oldest. */
const MAX_SOURCES = 10_000;

export class FailedAttempts {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly policy: AttemptPolicy,
    // Read at each call (not bound once), so that a test may move the clock.
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Whole seconds until `source` may try again; 0 when it may now. */
  blockedFor(source: string): number {
    const entry = this.current(source);
    if (!entry || entry.count < this.policy.maxFailures) return 0;
    return Math.ceil((entry.since + this.policy.windowMs - this.now()) / 1000);
  }

  /**
   * Count an attempt of `source` that is about to be checked, if it may try now: true when it was charged, false
   * (nothing counted) when it is blocked. Call before anything the request awaits.
   */
  charge(source: string): boolean {
    if (this.blockedFor(source) > 0) return false;
    this.fail(source);
    return true;
  }

  /** The secret was right (or the attempt was no guess at all): the charge for it is taken back. */
  refund(source: string): void {
    const entry = this.current(source);
    if (!entry) return;
    entry.count -= 1;
    if (entry.count <= 0) this.failures.delete(source);
  }

  fail(source: string): void {
    const entry = this.current(source);
    if (entry) entry.count += 1;
    else {
      if (this.failures.size >= MAX_SOURCES) this.prune();
      this.failures.set(source, { count: 1, since: this.now() });
    }
  }

  private current(source: string) {
    const entry = this.failures.get(source);
    if (entry && this.now() - entry.since >= this.policy.windowMs) {
      this.failures.delete(source);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    for (const source of [...this.failures.keys()]) this.current(source);
    const oldest = this.failures.keys().next();
    if (this.failures.size >= MAX_SOURCES && !oldest.done) this.failures.delete(oldest.value);
  }
}

/**
 * The source a failure is counted against, from a client address: an IPv4 address as it is (a whole hall behind
 * one NAT address is one source), an IPv6 address by its /64, since one home or host is handed a whole /64 and
 * could otherwise try each guess from a fresh address. An IPv4 address written as IPv6 (::ffff:a.b.c.d) is IPv4.
 * Anything unparseable is counted as itself.
 */
export function addressGroup(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const halves = address.split('::');
  if (halves.length > 2) return address;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  // A trailing dotted IPv4 part stands for two groups; it never reaches the /64 prefix unless '::' is short.
  const groupsOf = (parts: string[]) => parts.reduce((n, part) => n + (part.includes('.') ? 2 : 1), 0);
  const missing = 8 - groupsOf(head) - groupsOf(tail);
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return address;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const prefix = groups.slice(0, 4);
  if (prefix.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${prefix.map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
