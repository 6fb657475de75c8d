import os from 'node:os';
import { expect, it } from 'vitest';
import type { ContactRow } from '../../renderer/data/db.ts';
import { loadInitials } from '../../renderer/data/pinyin.ts';
import { searchVisitors } from '../../renderer/data/visitors.ts';
import {
  contactSearchFields,
  summariseVisitor,
  visitorKeyOf,
  type InitialsOf,
  type VisitorSummary,
} from '../../shared/rules/visitor.ts';
import { freshDeskDb } from '../unit/renderer/data/deskDb.ts';
import { summarise } from './stats.ts';

// Returning-visitor search (issue 3, item 9) on the desk data layer (Dexie over fake-indexeddb in node):
// 200,000 stored contacts of about 140,000 visitors, then phone-prefix, name-prefix and pinyin-initials
// queries as a clerk would type them. Target: p95 ≤ 20 ms.
const CONTACTS = Number(process.env.BENCH_VISITOR_CONTACTS ?? 200_000);
const VISITORS = Math.round(CONTACTS * 0.7);
const QUERIES = 300;
const CHUNK = 5_000;

// A fixed-seed PRNG (mulberry32) so every run searches the same desk.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261128);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单',
];
const GIVEN = [
  ...'伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红鹏飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳雪婷倩颖琳晶晨阳辉峰建国志新海文博然宏昊天思雨梦涵子轩一诺若欣嘉怡',
];
const PLACES = ['南阳', '宛城', '卧龙', '镇平', '内乡', '西峡', '邓州', '新野', '唐河', '方城', '社旗', '桐柏', '淅川'];
const TRADES = ['科技', '光电', '生物', '新材料', '农业', '机械', '电子', '信息', '医药', '环保', '防爆电机', '中药'];
const KINDS = ['有限公司', '股份有限公司', '研究院', '专业合作社', '技术中心'];
const MATTERS = ['咨询科技型中小企业评价', '高新技术企业认定材料', '技术合同登记', '科技项目申报', '研发费用加计扣除'];

function visitor(): ContactRow['visitor'] {
  const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.7 ? pick(GIVEN) : '');
  const organisation = random() < 0.4 ? pick(PLACES) + pick(TRADES) + pick(KINDS) : undefined;
  const kind = random();
  const phone = kind < 0.85 ? `1${pick([3, 5, 7, 8, 9])}${digits(9)}` : kind < 0.95 ? `0377-6${digits(7)}` : undefined;
  return { name, organisation, phone };
}

function contactRow(i: number, who: ContactRow['visitor']): ContactRow {
  const opened = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 3 * 365 * 86_400_000));
  const openedAt = opened.toISOString().replace('Z', '+00:00');
  return {
    contactId: `bench-${String(i).padStart(7, '0')}`,
    channel: pick(['visit', 'call', 'letter', 'online'] as const),
    visitor: who,
    matter: pick(MATTERS),
    openedAt,
    openedBy: 'zhang-wei',
    openedDeviceId: 'bench-desk',
    askedStaffIds: ['zhang-wei'],
    firstInquiryStaffId: 'zhang-wei',
    responsibleStaffId: 'zhang-wei',
    status: 'answered',
    flags: [],
    lastHlc: `${String(opened.getTime()).padStart(15, '0')}-00000-bench-desk`,
    eventCount: 2,
    openedDay: openedAt.slice(0, 10),
    visitorKey: visitorKeyOf(who),
  } as unknown as ContactRow;
}

function timeQueries(queries: readonly string[], run: (q: string) => Promise<unknown[]>) {
  return async () => {
    const samples: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      const found = await run(q);
      samples.push(performance.now() - t0);
      expect(found.length, `query ${q}`).toBeGreaterThan(0);
    }
    return summarise(samples);
  };
}

it('measures returning-visitor search over 200,000 stored contacts', async () => {
  const db = freshDeskDb();
  const pinyinInitials = await loadInitials();
  const memo = new Map<string, string>();
  const initialsOf: InitialsOf = (text, options) => {
    const key = `${options?.personalName ? 'p' : 'o'}${text}`;
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = pinyinInitials(text, options)));
    return value;
  };

  // Fill the projections directly (as refreshContacts would leave them), in chunked transactions.
  const t0 = performance.now();
  const people = Array.from({ length: VISITORS }, visitor);
  const byKey = new Map<string, ContactRow[]>();
  const contacts = Array.from({ length: CONTACTS }, (_, i) => {
    const bare = contactRow(i, i < VISITORS ? people[i]! : pick(people));
    const row: ContactRow = { ...bare, ...contactSearchFields(bare, initialsOf) };
    const same = byKey.get(row.visitorKey);
    if (same) same.push(row);
    else byKey.set(row.visitorKey, [row]);
    return row;
  });
  const visitors = [...byKey].flatMap(([key, rows]) => summariseVisitor(key, rows) ?? []);
  for (let i = 0; i < CONTACTS; i += CHUNK) {
    await db.transaction('rw', db.contacts, () => db.contacts.bulkPut(contacts.slice(i, i + CHUNK)));
  }
  const fillSeconds = (performance.now() - t0) / 1000;
  expect(await db.contacts.count()).toBe(CONTACTS);

  // What clerks type: the first 4–7 digits of a phone, 1–2 characters of a name, 2–3 pinyin initials.
  const known = (): VisitorSummary => pick(visitors);
  const withPhone = visitors.filter((v) => v.visitorKey.startsWith('tel:'));
  const phoneQueries = Array.from({ length: QUERIES }, () => {
    const number = pick(withPhone).visitorKey.slice(4);
    return number.slice(0, 4 + Math.floor(random() * 4));
  });
  const nameQueries = Array.from({ length: QUERIES }, () => known().name!.slice(0, 1 + Math.floor(random() * 2)));
  const initialsQueries = Array.from({ length: QUERIES }, () => {
    const initials = initialsOf(known().name!, { personalName: true });
    return initials.slice(0, 2 + Math.floor(random() * 2));
  });

  const search = (q: string) => searchVisitors(db, q);
  for (const q of [...phoneQueries, ...nameQueries, ...initialsQueries].slice(0, 60)) await search(q); // warm-up
  const phone = await timeQueries(phoneQueries, search)();
  const name = await timeQueries(nameQueries, search)();
  const pinyin = await timeQueries(initialsQueries, search)();

  const ms = (s: { median: number; p95: number }) => `median ${s.median.toFixed(2)} ms p95 ${s.p95.toFixed(2)} ms`;
  console.log(
    `visitor search over ${CONTACTS} contacts (${visitors.length} visitors; fake-indexeddb, ` +
      `${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}; filled in ${fillSeconds.toFixed(1)} s): ` +
      `phone prefix ${ms(phone)}; name ${ms(name)}; pinyin ${ms(pinyin)} (n=${QUERIES} each)`,
  );
});
