import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/model/contactEvents.ts';
import { addDays, dayNumber, weekdayOfDay } from '../../shared/rules/isoDate.ts';
import type { ContactFact } from '../../shared/rules/reports/facts.ts';
import { DEFAULT_SERIES_KEYS, FIGURE_KEYS, figures, type GroupBy } from '../../shared/rules/reports/figures.ts';
import {
  REPORT_DRILL_PAGE,
  REPORT_MAX_BUCKETS,
  reportAnswerSchema,
  reportDrillSchema,
  reportSeriesSchema,
  type ReportSeries,
} from '../../shared/sync/reportApi.ts';
import { readFactsBetween, replaceFacts } from '../../server/src/storage/reportFacts.ts';
import { BACKENDS, startServer, type TestServer } from './server/harness.ts';
import { signInAs } from './server/staffSessions.ts';
import { reportGetter, type ReportGet } from './reports-http.ts';
import { scenarioLogs, storeEvents } from './reports-scenario.ts';

// Issue 15: the drill-down (GET /reports/facts) lists exactly the facts behind a figure's numerator in a group —
// figures()'s factIds, whole, in id order, a page of REPORT_DRILL_PAGE at a time — and the series (GET
// /reports/series) splits a range into its weeks (Monday to Sunday) or months, whose counts add up to the whole
// range's report. Both are for supervisors and leaders only, and refuse a bad query before reading anything.

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const qs = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

/** `count` contacts spread over Q1 2026 across four people: more than two drill pages in the bureau's total. */
function manyContacts(count: number): ContactFact[] {
  const staff = ['zhang-wei', 'li-na', 'wang-fang', 'ghost'];
  return Array.from({ length: count }, (_, i) => {
    const staffId = staff[i % staff.length]!;
    return {
      kind: 'contact',
      id: `G${String(i).padStart(4, '0')}`,
      recordId: `G${i}`,
      day: addDays('2026-01-01', (i * 7) % 90),
      staffId,
      departmentId: staffId === 'ghost' ? '-' : 'dept-window',
      channel: CHANNELS[i % CHANNELS.length]!,
      ending: i % 5 === 0 ? 'undisposed' : 'answered',
      undisposedAtDayEnd: i % 5 === 0,
    };
  });
}

describe.each(BACKENDS)('GET /reports/facts and /reports/series on $name', (backend) => {
  let server: TestServer;
  let deviceId: string;
  let get: ReportGet;
  beforeEach(async () => {
    server = await startServer(backend);
    deviceId = await server.device();
    get = reportGetter(server, deviceId);
  });
  afterEach(async () => server.stop());

  it('drills into every figure of every group: the numerator’s facts, whole and in id order, as figures() names them', async () => {
    await storeEvents(server.storage.db, scenarioLogs().flat());
    await server.reports.catchUp();
    const facts = await readFactsBetween(server.storage.db, '0000-01-01', '9999-12-31');
    const session = await signInAs(server, deviceId, 'huang-xiuying');
    let drilled = 0;
    for (const groupBy of ['bureau', 'department', 'staff'] as const satisfies readonly GroupBy[]) {
      for (const g of figures(facts, MARCH, groupBy)) {
        for (const key of FIGURE_KEYS) {
          const expected = g.figures[key].factIds;
          if (expected.length === 0 && drilled % 7 !== 0) continue; // a sample of the empty ones
          const res = await get(`/reports/facts?${qs({ ...MARCH, groupBy, group: g.group, key })}`, session);
          expect([groupBy, g.group, key, res.status]).toEqual([groupBy, g.group, key, 200]);
          const drill = reportDrillSchema.parse(res.json);
          expect([groupBy, g.group, key, drill.facts.map((f) => f.id)]).toEqual([groupBy, g.group, key, expected]);
          expect(drill).toMatchObject({ key, group: g.group, total: expected.length, offset: 0 });
          for (const f of drill.facts) expect(f).toEqual(facts.find((s) => s.id === f.id && s.kind === f.kind));
          drilled += 1;
        }
      }
    }
    expect(drilled).toBeGreaterThan(50);
    // 高新科's March 按时办结率 is K1 of K1 and K2: the drill names K1, a case of 刘洋's received on 24 March.
    const onTime = reportDrillSchema.parse(
      (
        await get(
          `/reports/facts?${qs({ ...MARCH, groupBy: 'department', group: 'dept-high-tech', key: 'cases.onTime' })}`,
          session,
        )
      ).json,
    );
    expect(onTime.facts).toEqual([
      expect.objectContaining({
        kind: 'case',
        id: 'K1',
        recordId: 'K1',
        staffId: 'liu-yang',
        day: '2026-03-24',
        onTime: true,
      }),
    ]);
  });

  it('pages a long drill-down, REPORT_DRILL_PAGE at a time, and its series adds up to the whole range by week and by month', async () => {
    const contacts = manyContacts(2 * REPORT_DRILL_PAGE + 57);
    await replaceFacts(server.storage.db, {
      derived: contacts.map((f) => ({ aggregate: 'contact', id: f.recordId, facts: [f], settled: true })),
      derivedOn: '2026-04-01',
    });
    const q1 = { from: '2026-01-01', to: '2026-03-31' };
    const session = await signInAs(server, deviceId, 'he-jianguo');
    const pages = [];
    for (let offset = 0; offset <= contacts.length; offset += REPORT_DRILL_PAGE) {
      const res = await get(`/reports/facts?${qs({ ...q1, group: 'bureau', key: 'contacts.total', offset })}`, session);
      pages.push(reportDrillSchema.parse(res.json));
    }
    expect(pages.map((p) => [p.total, p.offset, p.facts.length])).toEqual([
      [contacts.length, 0, REPORT_DRILL_PAGE],
      [contacts.length, REPORT_DRILL_PAGE, REPORT_DRILL_PAGE],
      [contacts.length, 2 * REPORT_DRILL_PAGE, 57],
    ]);
    expect(pages.flatMap((p) => p.facts.map((f) => f.id))).toEqual(contacts.map((f) => f.id).sort());
    const past = await get(
      `/reports/facts?${qs({ ...q1, group: 'bureau', key: 'contacts.total', offset: 10_000 })}`,
      session,
    );
    expect(reportDrillSchema.parse(past.json)).toMatchObject({ total: contacts.length, facts: [] });

    const whole = reportAnswerSchema.parse((await get(`/reports?${qs({ ...q1, groupBy: 'staff' })}`, session)).json);
    const keys = ['contacts.total', 'contacts.undisposedAtDayEnd', 'contacts.channel.call'];
    for (const step of ['week', 'month'] as const) {
      const res = await get(`/reports/series?${qs({ ...q1, step, groupBy: 'staff', keys: keys.join(',') })}`, session);
      expect(res.status).toBe(200);
      const series = reportSeriesSchema.parse(res.json);
      expectBuckets(series, q1, step);
      for (const g of whole.groups) {
        for (const key of keys) {
          const sum = (part: 'numerator' | 'denominator') =>
            series.buckets.reduce(
              (n, b) => n + (b.groups.find((x) => x.group === g.group)?.figures[key]?.[part] ?? 0),
              0,
            );
          const total = g.figures[key]!;
          expect([step, g.group, key, sum('numerator'), sum('denominator')]).toEqual([
            step,
            g.group,
            key,
            total.numerator,
            total.denominator,
          ]);
        }
      }
      // Only the figures asked for.
      for (const b of series.buckets)
        for (const g of b.groups) expect(Object.keys(g.figures).sort()).toEqual([...keys].sort());
    }
  });

  it('answers the chart set by default, by department, on the scenario, adding up to the whole range', async () => {
    await storeEvents(server.storage.db, scenarioLogs().flat());
    await server.reports.catchUp();
    const range = { from: '2026-02-15', to: '2026-04-10' };
    const session = await signInAs(server, deviceId, 'huang-xiuying');
    const res = await get(`/reports/series?${qs({ ...range, step: 'week', groupBy: 'department' })}`, session);
    const series = reportSeriesSchema.parse(res.json);
    expectBuckets(series, range, 'week');
    expect(series).toMatchObject({ step: 'week', groupBy: 'department' });
    const whole = reportAnswerSchema.parse(
      (await get(`/reports?${qs({ ...range, groupBy: 'department' })}`, session)).json,
    );
    for (const g of whole.groups) {
      for (const key of DEFAULT_SERIES_KEYS) {
        const parts = series.buckets.map((b) => b.groups.find((x) => x.group === g.group)?.figures[key]);
        expect(
          parts.every((f) => f === undefined || f.rate === (f.denominator === 0 ? null : f.numerator / f.denominator)),
        ).toBe(true);
        const n = parts.reduce((s, f) => s + (f?.numerator ?? 0), 0);
        const d = parts.reduce((s, f) => s + (f?.denominator ?? 0), 0);
        expect([g.group, key, n, d]).toEqual([g.group, key, g.figures[key]!.numerator, g.figures[key]!.denominator]);
      }
    }
    // Something was counted: 高新科 received five cases in March, spread over its weeks.
    const hightech = series.buckets.map(
      (b) => b.groups.find((x) => x.group === 'dept-high-tech')?.figures['cases.received']?.numerator ?? 0,
    );
    expect(hightech.reduce((a, b) => a + b, 0)).toBe(5);
    expect(hightech.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('refuses a clerk on both routes (403) and anyone without a session (401)', async () => {
    const drill = `/reports/facts?${qs({ ...MARCH, group: 'bureau', key: 'contacts.total' })}`;
    const series = `/reports/series?${qs({ ...MARCH, step: 'week' })}`;
    const clerk = await signInAs(server, deviceId, 'zhang-wei');
    const handler = await signInAs(server, deviceId, 'wang-fang');
    for (const url of [drill, series]) {
      expect(await get(url, clerk)).toMatchObject({ status: 403, json: { code: 'not-allowed' } });
      expect((await get(url, handler)).status).toBe(403);
      expect(await get(url)).toMatchObject({ status: 401, json: { code: 'staff-session-required' } });
    }
  });

  it('refuses a bad drill-down or series query with a message in both languages', async () => {
    const session = await signInAs(server, deviceId, 'huang-xiuying');
    const drill = { ...MARCH, group: 'bureau', key: 'contacts.total' };
    const badDrills = [
      { ...drill, key: 'contacts.nothing' },
      { ...drill, key: 'toString' },
      { ...drill, key: '' },
      { ...drill, offset: -1 },
      { ...drill, offset: 'x' },
      { ...drill, offset: 1e10 },
      { ...drill, group: '' },
      { ...drill, groupBy: 'window' },
      { ...drill, from: '2026-04-01' },
      { ...drill, extra: 1 },
      { from: MARCH.from, to: MARCH.to, key: 'contacts.total' },
    ];
    for (const q of badDrills) {
      const res = await get(`/reports/facts?${qs(q)}`, session);
      expect([q, res.status]).toEqual([q, 400]);
      expect((res.json as { message: string }).message).toMatch(/指标.*figure key/);
    }
    const series = { ...MARCH, step: 'month' };
    for (const q of [
      { ...series, step: 'day' },
      { ...series, keys: 'contacts.total,contacts.nothing' },
      { ...series, keys: '' },
      { ...series, keys: FIGURE_KEYS.slice(0, 17).join(',') },
      { ...series, to: '2026-02-01' },
    ]) {
      const res = await get(`/reports/series?${qs(q)}`, session);
      expect([q, res.status]).toEqual([q, 400]);
      expect((res.json as { message: string }).message).toMatch(/step.*keys/);
    }
    // REPORT_MAX_BUCKETS weeks answer; a week more is refused (by month the same range is fine).
    const first = '2024-01-01'; // a Monday
    const lastOk = addDays(first, REPORT_MAX_BUCKETS * 7 - 1);
    const ok = await get(`/reports/series?${qs({ from: first, to: lastOk, step: 'week' })}`, session);
    expect(reportSeriesSchema.parse(ok.json).buckets).toHaveLength(REPORT_MAX_BUCKETS);
    const over = await get(`/reports/series?${qs({ from: first, to: addDays(lastOk, 1), step: 'week' })}`, session);
    expect(over).toMatchObject({ status: 400, json: { code: 'bad-request' } });
    expect((over.json as { message: string }).message).toMatch(
      new RegExp(`最多 ${REPORT_MAX_BUCKETS} 段.*at most ${REPORT_MAX_BUCKETS} buckets`),
    );
    expect(
      (await get(`/reports/series?${qs({ from: first, to: addDays(lastOk, 1), step: 'month' })}`, session)).status,
    ).toBe(200);
  });
});

/** The buckets cover the range day for day, in order: whole weeks (Monday–Sunday) or months, clipped to it. */
function expectBuckets(series: ReportSeries, range: { from: string; to: string }, step: 'week' | 'month') {
  const b = series.buckets;
  expect(b[0]?.from).toBe(range.from);
  expect(b.at(-1)?.to).toBe(range.to);
  for (const [i, bucket] of b.entries()) {
    expect(bucket.from <= bucket.to).toBe(true);
    if (i > 0) expect(bucket.from).toBe(addDays(b[i - 1]!.to, 1));
    if (i > 0 && step === 'week') expect(weekdayOfDay(dayNumber(bucket.from))).toBe(1);
    if (i > 0 && step === 'month') expect(bucket.from.slice(8)).toBe('01');
    if (i < b.length - 1 && step === 'week') expect(weekdayOfDay(dayNumber(bucket.to))).toBe(0);
  }
}
