import { describe, expect, it } from 'vitest';
import { COMPLAINT_LIMITS, type ComplaintLink } from '../../../../../shared/model/complaintEvents.ts';
import type { ContactRow } from '../../../../../renderer/data/db.ts';
import {
  MATTER_SHOWN,
  caseIdMatches,
  contactHit,
  freshHits,
  matterMatches,
  recordQueryOf,
  serialMatches,
  withLink,
  withoutLink,
  type RecordHit,
} from '../../../../../renderer/data/complaints/recordSearch.ts';

const CASE = '01KB7Z3Q9XJ4M2N8P6R5S3T1VW';
const SERIAL = 'NYKJ-W7K2Q-2026-000127';
const contact = (id: string) => ({ kind: 'contact', id }) as ComplaintLink;
const hit = (link: ComplaintLink): RecordHit => ({ link, title: 't', detail: 'd' });

describe('reading what the clerk typed into the record picker', () => {
  it('reads a name or a matter as text only', () => {
    expect(recordQueryOf(' 张三 ')).toEqual({ text: '张三' });
    expect(recordQueryOf('营业执照')).toEqual({ text: '营业执照' });
  });

  it('reads a case number’s tail as a case number, and still as text (pinyin initials look alike)', () => {
    expect(recordQueryOf('s3t1vw')).toEqual({ caseTail: 'S3T1VW', text: 's3t1vw' });
  });

  it('reads a slip serial or its beginning as a serial only, never as a name', () => {
    expect(recordQueryOf(SERIAL.toLowerCase())).toEqual({ serialPrefix: SERIAL });
    expect(recordQueryOf('NYKJ-W7K')).toEqual({ serialPrefix: 'NYKJ-W7K' });
  });

  it('reads a printed sequence as a slip’s, a case tail’s and a phone number’s', () => {
    expect(recordQueryOf('000127')).toEqual({ caseTail: '000127', serialSeq: '127', text: '000127' });
  });

  it('does not take a phone number written with dashes for a serial', () => {
    expect(recordQueryOf('138-0013-8000')?.serialPrefix).toBeUndefined();
    expect(recordQueryOf('138-0013-8000')?.text).toBe('138-0013-8000');
  });

  it('has nothing to search for in blanks', () => {
    expect(recordQueryOf('   ')).toBeNull();
    expect(recordQueryOf('')).toBeNull();
  });
});

describe('matching records', () => {
  it('finds a case by the tail the desk prints or by its whole id, not by any middle part', () => {
    expect(caseIdMatches(CASE, 'S3T1VW')).toBe(true);
    expect(caseIdMatches(CASE, CASE)).toBe(true);
    expect(caseIdMatches(CASE, 'XJ4M2N')).toBe(false);
  });

  it('finds a slip by the beginning of its serial or by its sequence, leading zeros aside', () => {
    expect(serialMatches(SERIAL, recordQueryOf('NYKJ-W7K2Q-2026')!)).toBe(true);
    expect(serialMatches(SERIAL, recordQueryOf('127')!)).toBe(true);
    expect(serialMatches(SERIAL, recordQueryOf('0127')!)).toBe(true);
    expect(serialMatches(SERIAL, recordQueryOf('1270')!)).toBe(false);
    expect(serialMatches(SERIAL, recordQueryOf('NYKJ-W7K2Q-2025')!)).toBe(false);
  });

  it('finds a matter by any part of it, full-width letters as half-width', () => {
    expect(matterMatches('申请ＡＢＣ营业执照变更', '营业执照')).toBe(true);
    expect(matterMatches('申请ＡＢＣ营业执照变更', 'abc')).toBe(true);
    expect(matterMatches('技术合同认定登记', '营业执照')).toBe(false);
    expect(matterMatches('技术合同认定登记', '')).toBe(false);
  });
});

describe('the links a complaint keeps', () => {
  it('adds a record once: a second add of the same record changes nothing', () => {
    const one = withLink([], contact(CASE));
    expect(one).toEqual([contact(CASE)]);
    expect(withLink(one, contact(CASE))).toBe(one);
  });

  it('keeps a case and a contact of the same id apart', () => {
    const both = withLink([contact(CASE)], { kind: 'case', id: CASE } as ComplaintLink);
    expect(both).toHaveLength(2);
    expect(withoutLink(both, contact(CASE))).toEqual([{ kind: 'case', id: CASE }]);
  });

  it('stops at the limit the schema sets, rather than making a complaint HQ would refuse', () => {
    const full = Array.from({ length: COMPLAINT_LIMITS.links }, (_, i) => contact(`${i}`.padStart(26, '0')));
    expect(withLink(full, contact(CASE))).toBe(full);
  });

  it('offers each record once, not those already linked, at most as many as asked', () => {
    const a = contact('A'.padStart(26, '0'));
    const b = contact('B'.padStart(26, '0'));
    const c = contact('C'.padStart(26, '0'));
    expect(freshHits([hit(a), hit(b), hit(a), hit(c)], [b], 5).map((h) => h.link)).toEqual([a, c]);
    expect(freshHits([hit(a), hit(b), hit(c)], [], 2)).toHaveLength(2);
  });
});

describe('how a found contact is shown', () => {
  const row = (visitor: object, matter: string) =>
    ({ contactId: 'C'.padStart(26, '0'), visitor, matter, openedDay: '2026-11-02' }) as unknown as ContactRow;

  it('by the visitor’s name (else the organisation), the matter and the day, never the phone', () => {
    const hit = contactHit(row({ name: ' 张三 ', phone: '13800138000' }, '技术合同认定登记'));
    expect(hit).toMatchObject({ title: '张三', detail: '技术合同认定登记 · 2026-11-02' });
    expect(JSON.stringify(hit)).not.toContain('13800138000');
    expect(contactHit(row({ organisation: '南阳光电' }, '咨询')).title).toBe('南阳光电');
  });

  it('cuts a long matter to one line, whole characters only', () => {
    const matter = '申'.repeat(MATTER_SHOWN) + '请😀';
    expect(contactHit(row({}, matter)).detail).toBe(`${'申'.repeat(MATTER_SHOWN)}… · 2026-11-02`);
    expect(contactHit(row({}, '申'.repeat(MATTER_SHOWN))).detail).toBe(`${'申'.repeat(MATTER_SHOWN)} · 2026-11-02`);
  });
});
