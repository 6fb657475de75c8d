import { beijingDate } from '../../../shared/rules/case.ts';
import type { Db } from '../storage/db.ts';
import { currentReferenceDocs } from '../storage/referenceSnapshot.ts';
import { complaintEvents } from '../storage/complaints.ts';
import {
  ensureComplaintCursor,
  readAggregateEvents,
  readComplaintsTouchedAfter,
  readCursors,
  readReferenceSeq,
  readTouchedAfter,
  readUnsettled,
  replaceFacts,
  type Cursors,
  type DerivedAggregate,
  type EventAggregate,
  type ReportedAggregate,
} from '../storage/reportFacts.ts';
import { reportContextOf, type ReportContext } from './context.ts';
import { deriveAggregate, deriveComplaint } from './derive.ts';

// The supervision reports' projection (issue 15, shared/rules/reports/facts.ts): it follows the event log by its
// own cursor on the server sequence, outside the push transaction (a push never waits on a report), and keeps the
// fact rows of every aggregate the log touched. It runs at start-up (catching up after a restart), shortly after
// pushes (debounced, so a burst of pushes is one run) and when the Beijing day changes (every unsettled aggregate is
// re-derived: a due day came closer, a breach grew). A changed calendar, settings, catalog or directory re-derives
// the unsettled aggregates too. Several instances may run it: each write moves the cursors only from the values
// its run read (replaceFacts), so a slower instance never writes an older fold over a newer one.

declare module 'fastify' {
  interface FastifyInstance {
    /** Woken after a push stores events (http/push.ts). */
    reportProjector: ReportProjector;
  }
}

export interface ProjectorOptions {
  /** Events read per batch. */
  readonly batchSize?: number;
  /** How long after a push the run starts: pushes within it share one run. */
  readonly debounceMs?: number;
  /** How often the Beijing day is looked at. */
  readonly dayCheckMs?: number;
  readonly now?: () => number;
  readonly onError?: (err: unknown) => void;
}

export interface RunSummary {
  readonly events: number;
  readonly aggregates: number;
}

const DEFAULTS = { batchSize: 5_000, debounceMs: 300, dayCheckMs: 60_000 };
const RETRY_MS = 30_000;

export class ReportProjector {
  private readonly opts: Required<Omit<ProjectorOptions, 'onError'>> & Pick<ProjectorOptions, 'onError'>;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dayTimer: ReturnType<typeof setInterval> | null = null;
  private lastDay = '';
  private stopped = false;

  constructor(
    private readonly db: Db,
    options: ProjectorOptions = {},
  ) {
    this.opts = { ...DEFAULTS, now: Date.now, ...options };
  }

  /** Run now and after every Beijing day change, until stop(). */
  start(): void {
    this.stopped = false;
    this.lastDay = this.today();
    this.schedule(0);
    this.dayTimer = setInterval(() => {
      if (this.today() !== this.lastDay) {
        this.lastDay = this.today();
        this.schedule(0);
      }
    }, this.opts.dayCheckMs);
    this.dayTimer.unref();
  }

  /** Events were stored: run soon (pushes within debounceMs share a run). */
  wake(): void {
    if (!this.stopped && this.timer === null) this.schedule(this.opts.debounceMs);
  }

  /** Stop the timers and wait for a run under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.dayTimer) clearInterval(this.dayTimer);
    this.timer = null;
    this.dayTimer = null;
    await this.queue.catch(() => undefined);
  }

  /**
   * Bring the facts up to date: the unsettled aggregates when the reference documents changed or a day began since
   * they were derived, then every event past the cursor. Runs never overlap: a call during a run runs after it.
   */
  catchUp(): Promise<RunSummary> {
    const run = this.queue.catch(() => undefined).then(() => this.runOnce());
    this.queue = run;
    return run;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.catchUp().catch((err: unknown) => {
        // The facts stay as they were (nothing half-written: each batch is one transaction); try again later.
        this.opts.onError?.(err);
        if (!this.stopped) this.schedule(RETRY_MS);
      });
    }, ms);
    this.timer.unref();
  }

  private today(): string {
    return beijingDate(new Date(this.opts.now()).toISOString());
  }

  private async context(): Promise<ReportContext> {
    return reportContextOf(await currentReferenceDocs(this.db), this.today());
  }

  private async runOnce(): Promise<RunSummary> {
    let events = 0;
    let aggregates = 0;
    await ensureComplaintCursor(this.db);
    for (;;) {
      const cursors = await readCursors(this.db);
      const ctx = await this.context();
      const referenceSeq = await readReferenceSeq(this.db);
      // The directory, calendar, settings or catalog changed: every unsettled aggregate is derived anew.
      if (referenceSeq !== cursors.references) {
        const done = await this.rederive(ctx, cursors, { all: true });
        if (done !== null) {
          aggregates += done;
          const to = { references: referenceSeq };
          await replaceFacts(this.db, { derived: [], derivedOn: ctx.facts.today, from: cursors, to });
        }
        continue; // read the cursors again, whoever moved them
      }
      // A Beijing day began since they were derived: a due day came closer, a breach grew a day.
      const daily = await this.rederive(ctx, cursors, { all: false });
      if (daily === null) continue;
      aggregates += daily;

      // The synced log first, then the complaint log (its own seq): each batch moves its own cursor.
      let batch = await readTouchedAfter(this.db, cursors.events, this.opts.batchSize);
      let to: Partial<Cursors> = { events: batch.lastSeq };
      if (batch.lastSeq === cursors.events) {
        batch = await readComplaintsTouchedAfter(this.db, cursors.complaints, this.opts.batchSize);
        if (batch.lastSeq === cursors.complaints) return { events, aggregates };
        to = { complaints: batch.lastSeq };
      }
      const derived = await this.derive(batch.touched, ctx);
      const written = await replaceFacts(this.db, { derived, derivedOn: ctx.facts.today, from: cursors, to });
      if (written) {
        events += to.events !== undefined ? batch.count : 0;
        aggregates += derived.length;
      }
    }
  }

  /** Re-derive unsettled aggregates page by page; null when another instance moved the cursors meanwhile. */
  private async rederive(ctx: ReportContext, cursors: Cursors, opts: { all: boolean }): Promise<number | null> {
    let count = 0;
    let after: { aggregate: string; id: string } | null = null;
    for (;;) {
      const page = await readUnsettled(this.db, {
        before: ctx.facts.today,
        all: opts.all,
        after,
        limit: this.opts.batchSize,
      });
      if (page.length === 0) return count;
      const derived = await this.derive(page, ctx);
      if (!(await replaceFacts(this.db, { derived, derivedOn: ctx.facts.today, from: cursors }))) return null;
      count += derived.length;
      const last = page.at(-1)!;
      after = { aggregate: last.aggregate, id: last.id };
    }
  }

  private async derive(
    refs: readonly { aggregate: ReportedAggregate; id: string }[],
    ctx: ReportContext,
  ): Promise<DerivedAggregate[]> {
    const derived: DerivedAggregate[] = [];
    for (const aggregate of ['contact', 'case', 'rating'] as const satisfies readonly EventAggregate[]) {
      const ids = refs.filter((r) => r.aggregate === aggregate).map((r) => r.id);
      if (ids.length === 0) continue;
      const logs = await readAggregateEvents(this.db, aggregate, ids);
      for (const id of ids) derived.push(deriveAggregate(aggregate, id, logs.get(id) ?? [], ctx));
    }
    // Complaints are few (a bureau's dozens a year): each one's log is read on its own.
    for (const ref of refs) {
      if (ref.aggregate === 'complaint') {
        derived.push(deriveComplaint(ref.id, await complaintEvents(this.db, ref.id), ctx));
      }
    }
    return derived;
  }
}
