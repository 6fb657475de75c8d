import os from 'node:os';
import { expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/model/events.ts';
import { addDays } from '../../shared/rules/isoDate.ts';
import { deskCalendar } from '../../renderer/data/calendar.ts';
import type { CaseRow, ContactRow, StoredEvent } from '../../renderer/data/db.ts';
import { readFollowUpTasksCached } from '../../renderer/data/followUpTaskCache.ts';
import { readFollowUpTasks } from '../../renderer/data/followUps.ts';
import { seededRandom } from '../unit/shared/calendar/random.ts';
import { freshDeskDb, withDirectory } from '../unit/renderer/data/deskDb.ts';
import { summarise } from './stats.ts';

// The 服务回访 board and the inbox at a bureau's scale (issue 13): 20,000 ended cases and 100,000 ended contacts
// on the desk data layer (Dexie over fake-indexeddb in node), 95 % of the cases already followed up, then the
// reading every refresh does: the full read (readFollowUpTasks) and the cached one the inbox and board use, after
// one change each. Target: ≤ 100 ms per refresh. A data-layer figure only (fake-indexeddb, not Chromium).
const CASES = Number(process.env.BENCH_FOLLOW_UP_CASES ?? 20_000);
const CONTACTS = Number(process.env.BENCH_FOLLOW_UP_CONTACTS ?? 100_000);
const TODAY = '2026-12-02';
const CHUNK = 5_000;
const r = seededRandom(20261202);
const id = (prefix: string, i: number) => `01J${prefix}${String(i).padStart(10, '0')}`.padEnd(26, '0').slice(0, 26);
const hlcOf = (day: string, i: number) => `${String(Date.parse(`${day}T02:00:00Z`) + i).padStart(15, '0')}-00000-bench`;

function caseRow(i: number): CaseRow {
  const endedOn = r.date('2024-01-01', TODAY);
  return {
    caseId: id('C', i),
    contactId: id('K', CONTACTS + i),
    status: 'completed',
    openedBy: 'zhang-wei',
    handlerStaffId: r.next() < 0.5 ? 'li-na' : 'sun-li',
    completion: { completedOn: endedOn, by: 'li-na', outcome: 'granted', result: '已办结' },
    serviceItemName: '技术合同认定登记',
    departmentId: 'dept-hightech',
    applicant: '南阳光电有限公司',
    flags: [],
  } as unknown as CaseRow;
}

function contactRow(i: number): ContactRow {
  const day = r.date('2024-01-01', TODAY);
  return {
    contactId: id('K', i),
    status: 'answered',
    visitor: { name: '王芳' },
    matter: '咨询高企认定',
    openedBy: 'zhang-wei',
    firstInquiryStaffId: 'zhang-wei',
    responsibleStaffId: 'zhang-wei',
    answer: { by: 'zhang-wei' },
    endedAt: `${day}T03:00:00.000+00:00`,
    cases: [],
    openedDay: day,
    flags: [],
    tokens: [],
    visitorKey: `v${i}`,
  } as unknown as ContactRow;
}

function recorded(c: CaseRow, i: number): StoredEvent {
  const on = addDays((c as unknown as { completion: { completedOn: string } }).completion.completedOn, r.int(1, 6));
  const event = {
    eventId: id('E', i),
    aggregate: 'followUp',
    aggregateId: c.caseId,
    type: 'followUp.recorded',
    v: 1,
    hlc: hlcOf(on, i),
    deviceId: 'bench-desk',
    deviceSeq: i + 1,
    staffId: 'huang-xiuying',
    occurredAt: `${on}T02:00:00.000+00:00`,
    payload: {
      subject: { kind: 'case', id: c.caseId },
      means: 'phone',
      resultAsRecorded: 'yes',
      ratings: { overall: r.next() < 0.9 ? 'satisfied' : 'dissatisfied' },
      strong: false,
    },
  } as unknown as DeskEvent;
  return { eventId: event.eventId, aggregate: 'followUp', aggregateId: c.caseId, event };
}

async function bulk<T>(rows: T[], put: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await put(rows.slice(i, i + CHUNK));
}

it(`reads the follow-up tasks of ${CASES} ended cases and ${CONTACTS} contacts`, async () => {
  const db = await withDirectory(freshDeskDb());
  const cases = Array.from({ length: CASES }, (_, i) => caseRow(i));
  const contacts = [
    ...Array.from({ length: CONTACTS }, (_, i) => contactRow(i)),
    ...cases.map((c, i) => ({ ...contactRow(CONTACTS + i), cases: [c.caseId] }) as unknown as ContactRow),
  ];
  const events = cases.filter(() => r.next() < 0.95).map(recorded);
  const t = performance.now();
  await bulk(contacts, (chunk) => db.contacts.bulkPut(chunk));
  await bulk(cases, (chunk) => db.cases.bulkPut(chunk));
  await bulk(events, (chunk) => db.events.bulkPut(chunk));
  console.log(`  stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const calendar = deskCalendar();
  let t0 = performance.now();
  const full = await readFollowUpTasks(db, calendar, TODAY);
  const fullMs = performance.now() - t0;
  t0 = performance.now();
  let views = await readFollowUpTasksCached(db, calendar, TODAY); // the first read loads everything
  const firstMs = performance.now() - t0;
  expect(views).toEqual(full);

  // A refresh as a clerk causes one: a follow-up recorded (one event), or a case ending (one row), then the read.
  const samples: number[] = [];
  const pending = cases.filter((c) => !events.some((e) => e.aggregateId === c.caseId));
  for (let run = 0; run < 10; run++) {
    if (run % 2 === 0) {
      await db.events.put(recorded(pending[run / 2]!, CASES + run));
    } else {
      const c = caseRow(CASES + run);
      await db.transaction('rw', db.cases, db.contacts, async () => {
        await db.contacts.put({ ...contactRow(CONTACTS + CASES + run), cases: [c.caseId] } as unknown as ContactRow);
        await db.cases.put({ ...c, contactId: id('K', CONTACTS + CASES + run) });
      });
    }
    t0 = performance.now();
    views = await readFollowUpTasksCached(db, calendar, TODAY);
    samples.push(performance.now() - t0);
  }
  const { median, p95 } = summarise(samples);
  console.log(
    `follow-up tasks: ${views.length} tasks from ${CASES} cases + ${CONTACTS} contacts, ${events.length} follow-ups`,
  );
  console.log(
    `  full read (readFollowUpTasks): ${fullMs.toFixed(0)} ms; cached first read: ${firstMs.toFixed(0)} ms; ` +
      `refresh after one change: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 100 ms)`,
  );
  console.log(`  ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}`);
  // The cache answers exactly what a full read answers.
  expect(views).toEqual(await readFollowUpTasks(db, calendar, TODAY));
  expect(views.filter((v) => v.task.subject.kind === 'case')).toHaveLength(CASES + 5);
  expect(views.filter((v) => v.status.status === 'pending').length).toBeGreaterThan(0);
});
