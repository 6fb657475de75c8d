// The supervision reports' projection catching up with a bureau's log from nothing (issue 15 item 5: a bureau's five
// years ≈ 1 million events): contacts answered or transferred and accepted, cases opened from them, accepted,
// completed and told, and ratings, spread over 2022–2026, stored first (not timed), then projected by
// ReportProjector.catchUp() (timed), then a month's report by SQL and the answers of GET /reports and
// /reports/series (timed, reports/answers.ts). FIRSTDESK_BENCH_REPORT_EVENTS sets the size (default 1 000 000).
// Prints the figures; asserts that every aggregate got its rows and that a year's series adds up to its report.
//
// Measured 2026-12-02 (AMD EPYC ×2 shared with other work, node 20), 1 000 004 events, cold/warm ms:
//                         caught up        GET /reports month      this month   year series      drill page
//                                          per dept / per person   per person   month / week
//   SQLite                84.6 s (11 823/s)  40/26 / 27/28           29/27        70/78 / 82/65    5/3
//   PostgreSQL           116.7 s (8 567/s)  115/112 / 74/45         72/208       110/85 / 96/97   21/6
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import type { CaseEvent } from '../../shared/model/caseEvents.ts';
import type { ContactEvent } from '../../shared/model/contactEvents.ts';
import type { DeskEvent } from '../../shared/model/events.ts';
import { addDays } from '../../shared/rules/isoDate.ts';
import { periodOf } from '../../shared/rules/reports/periods.ts';
import type { DatabaseConfig } from '../../server/src/config.ts';
import { ReportProjector } from '../../server/src/reports/projector.ts';
import { seedOnFirstRun } from '../../server/src/seed/firstRun.ts';
import { openStorage } from '../../server/src/storage/db.ts';
import { appendEvents } from '../../server/src/storage/events.ts';
import { migrateToLatest } from '../../server/src/storage/migrations.ts';
import { reportDb } from '../../server/src/storage/reportFacts.ts';
import { sqlDrill, sqlFigures } from '../../server/src/storage/reportFigures.ts';
import { reportAnswer, reportSeries } from '../../server/src/reports/answers.ts';
import { DEFAULT_SERIES_KEYS } from '../../shared/rules/reports/figures.ts';
import { REPORT_DRILL_PAGE } from '../../shared/sync/reportApi.ts';
import { contactEvent, contactOpened } from '../unit/shared/builders.ts';
import { accepted, completed, opened, resultNotified } from '../unit/shared/caseBuilders.ts';
import { given } from '../unit/shared/followUpBuilders.ts';
import { createTestDatabase } from '../integration/setup/pgDatabase.ts';

const TARGET = Number(process.env['FIRSTDESK_BENCH_REPORT_EVENTS'] ?? 1_000_000);
const FIRST_DAY = '2022-01-03';
const DAYS = 5 * 365;
const CLERKS = ['zhang-wei', 'li-na', 'wang-fang'];
const HANDLERS = ['liu-yang', 'chen-jing', 'zhao-lei', 'sun-li', 'zhou-qiang', 'wu-min'];
const machine = `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`;

/** One contact (and every 4th a case, every 3rd a rating), acted on `day`: 2 to 8 events. */
function unit(i: number, day: string): DeskEvent[] {
  const clerk = CLERKS[i % CLERKS.length]!;
  const handler = HANDLERS[i % HANDLERS.length]!;
  const ms = (hm: string) => Date.parse(`${day}T${hm}:00+08:00`);
  const contactId = `C${i}`;
  const stamp = (hm: string, staffId: string) => ({ ms: ms(hm), contactId, staffId });
  const open = contactOpened(stamp('09:00', clerk));
  const events: DeskEvent[] = [
    { ...open, payload: { ...open.payload, channel: i % 2 ? 'visit' : 'call' } } as ContactEvent,
  ];
  if (i % 3 === 0) {
    const transfer = contactEvent(
      'contact.transferred',
      {
        toDepartmentId: 'dept-high-tech',
        toStaffId: handler,
        toldApplicant: { departmentName: '高新科', handlerName: '刘洋', phone: '0377-63176320' },
      } as never,
      stamp('09:10', clerk),
    );
    events.push(
      transfer,
      contactEvent('contact.transferAccepted', { transferEventId: transfer.eventId } as never, stamp('15:00', handler)),
    );
  } else {
    events.push(contactEvent('contact.answered', { answer: '已答复' } as never, stamp('09:20', clerk)));
  }
  if (i % 4 === 0) {
    const end = addDays(day, 3 + (i % 9));
    const caseId = `K${i}`;
    const kase: CaseEvent[] = [opened(day, { contactId }), accepted(day, {}, { staffId: handler }), completed(end)];
    if (i % 8 === 0) kase.push(resultNotified(end));
    events.push(...kase.map((e) => ({ ...e, aggregateId: caseId }) as CaseEvent));
  }
  if (i % 3 === 1)
    events.push(given(day, i % 10 === 1 ? 'dissatisfied' : 'satisfied', {}, { on: day, aggregateId: contactId }));
  return events;
}

async function measure(label: string, database: DatabaseConfig): Promise<void> {
  const storage = openStorage(database, () => {});
  try {
    await migrateToLatest(storage.db);
    await seedOnFirstRun(storage.db, 'demo', Date.parse('2022-01-01T00:00:00Z'));
    // Stored untimed, in chunks, as pushes would have stored them over the years.
    let stored = 0;
    let units = 0;
    const perDay = Math.max(1, Math.ceil(TARGET / 4.2 / DAYS));
    const t0 = performance.now();
    while (stored < TARGET) {
      const chunk: DeskEvent[] = [];
      while (chunk.length < 5_000 && stored + chunk.length < TARGET) {
        chunk.push(...unit(units, addDays(FIRST_DAY, Math.min(DAYS - 1, Math.floor(units / perDay)))));
        units += 1;
      }
      await appendEvents(storage.db, {
        deviceId: 'bench-desk',
        events: chunk.map((event) => ({ event, flags: null })),
        settledDeviceSeq: 0,
        receivedAt: new Date().toISOString(),
        judgeExisting: () => null,
      });
      stored += chunk.length;
    }
    const storeMs = performance.now() - t0;

    const projector = new ReportProjector(storage.db, { now: () => Date.parse('2026-12-01T04:00:00Z') });
    const t1 = performance.now();
    const run = await projector.catchUp();
    const projectMs = performance.now() - t1;
    await projector.stop();
    expect(run.events).toBe(stored);

    const month = periodOf('month', '2024-06-15');
    const t2 = performance.now();
    const staffFigures = await sqlFigures(storage.db, month, 'staff');
    const reportMs = performance.now() - t2;
    expect(staffFigures.length).toBeGreaterThan(0);

    // What a supervisor waits for (issue 15 item 5: ≤ 2 s): GET /reports's answer of a month (counts, warnings,
    // freshness) per department and per person, this month too (预警 judged today); a year's series by month and by
    // week per department (the charts); a drill-down page. Each timed twice (cold, then warm).
    const today = '2026-12-01';
    const timed = async <T>(run: () => Promise<T>): Promise<[T, string]> => {
      const times: number[] = [];
      let result: T | undefined;
      for (let i = 0; i < 2; i++) {
        const t = performance.now();
        result = await run();
        times.push(performance.now() - t);
      }
      return [result!, times.map((ms) => ms.toFixed(0)).join('/')];
    };
    const [byDept, deptMs] = await timed(() => reportAnswer(storage.db, month, 'department', today));
    const [byStaff, staffMs] = await timed(() => reportAnswer(storage.db, month, 'staff', today));
    const [current, currentMs] = await timed(() => reportAnswer(storage.db, periodOf('month', today), 'staff', today));
    const year = periodOf('year', '2024-06-15');
    const [monthly, monthlyMs] = await timed(() =>
      reportSeries(storage.db, year, 'month', 'department', DEFAULT_SERIES_KEYS),
    );
    const [weekly, weeklyMs] = await timed(() =>
      reportSeries(storage.db, year, 'week', 'department', DEFAULT_SERIES_KEYS),
    );
    const [drill, drillMs] = await timed(() =>
      sqlDrill(storage.db, month, 'bureau', 'bureau', 'contacts.total', { offset: 0, limit: REPORT_DRILL_PAGE }),
    );
    expect(byDept.groups.length).toBeGreaterThan(0);
    expect(byStaff.groups.length).toBe(staffFigures.length);
    expect(monthly.buckets).toHaveLength(12);
    expect(weekly.buckets.length).toBeGreaterThanOrEqual(52);
    // The series adds up to the year's report.
    const yearAnswer = await reportAnswer(storage.db, year, 'bureau', today);
    const seriesTotal = monthly.buckets
      .flatMap((b) => b.groups)
      .reduce((n, g) => n + (g.figures['contacts.total']?.numerator ?? 0), 0);
    expect(seriesTotal).toBe(yearAnswer.groups[0]!.figures['contacts.total']!.numerator);
    expect(drill.facts).toHaveLength(Math.min(REPORT_DRILL_PAGE, drill.total));
    const rows = await reportDb(storage.db)
      .selectFrom('report_aggregates')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeGreaterThan(units);

    console.log(
      `report projection (${label}): ${stored} events (${units} contacts, ${Number(rows.n)} aggregates; stored in ${(storeMs / 1000).toFixed(0)} s) ` +
        `caught up in ${(projectMs / 1000).toFixed(1)} s = ${Math.round((stored / projectMs) * 1000)} events/s; ` +
        `a month's report per person (with drill-down ids) in ${reportMs.toFixed(0)} ms; ` +
        `GET /reports of a month (cold/warm) per department ${deptMs} ms, per person ${staffMs} ms ` +
        `(${byStaff.warnings.length} cards), this month per person ${currentMs} ms (${current.warnings.length} cards); ` +
        `a year's series per department by month ${monthlyMs} ms, by week ${weeklyMs} ms; ` +
        `a drill-down page of ${REPORT_DRILL_PAGE} of ${drill.total} ${drillMs} ms [${machine}]`,
    );
  } finally {
    await storage.close();
  }
}

it('measures the report projection catching up on SQLite', async () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'firstdesk-bench-'));
  try {
    await measure('SQLite', { kind: 'sqlite', file: join(dir, 'firstdesk.sqlite') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('measures the report projection catching up on PostgreSQL', async () => {
  const db = await createTestDatabase(inject('pgUrl'));
  try {
    await measure('PostgreSQL', { kind: 'postgres', url: db.url });
  } finally {
    await db.drop();
  }
});
