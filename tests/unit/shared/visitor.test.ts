import { describe, expect, it } from 'vitest';
import {
  classifyQuery,
  normaliseText,
  contactSearchFields,
  contactTokens,
  rankVisitorHits,
  summariseVisitor,
  tokenPrefixOf,
  tokenValue,
  tokenVisitorKey,
  visitorKeyOf,
  type InitialsOf,
} from '../../../shared/rules/visitor.ts';

// A stand-in for pinyin-pro: shared/ receives the initials function, it never imports the library.
const READINGS: Record<string, [string, string?]> = {
  张三: ['zs'],
  张三丰: ['zsf'],
  曾国藩: ['cgf', 'zgf'],
  南阳光电研究院: ['nygdyjy'],
};
const initialsOf: InitialsOf = (text, options) => {
  const [normal, asSurname] = READINGS[text] ?? [text.toLowerCase()];
  return options?.personalName ? (asSurname ?? normal) : normal;
};

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:30:00.000+08:00`;

describe('who a returning visitor is', () => {
  it('is the same visitor whenever the same phone is given, however it is written', () => {
    const keys = ['138 0013 8000', '+86 13800138000', '13800138000'].map((phone) =>
      visitorKeyOf({ name: '张三', phone }),
    );
    expect(new Set(keys)).toEqual(new Set(['tel:13800138000']));
    expect(visitorKeyOf({ name: '李四', phone: '13800138000' })).toBe('tel:13800138000');
  });

  it('is known by name and organisation when no phone was given', () => {
    expect(visitorKeyOf({ name: ' 张 三 ', organisation: '南阳光电研究院' })).toBe(
      visitorKeyOf({ name: '张三', organisation: '南阳光电研究院' }),
    );
    expect(visitorKeyOf({ name: '张三', organisation: '南阳光电研究院' })).not.toBe(
      visitorKeyOf({ name: '张三', organisation: '卧龙科技公司' }),
    );
  });

  it('compares text without width, case, spaces or punctuation', () => {
    expect(normaliseText('南阳（光电）研究院 ABC')).toBe('南阳光电研究院abc');
    expect(normaliseText('ＡＢＣ　公司')).toBe('abc公司');
  });
});

describe('what the clerk typed', () => {
  it.each([
    ['1380013', { kind: 'phone', digits: '1380013' }],
    ['138 0013-8', { kind: 'phone', digits: '13800138' }],
    ['+86 138', { kind: 'phone', digits: '138' }],
    ['ZS', { kind: 'initials', letters: 'zs' }],
    ['ｚｓ', { kind: 'initials', letters: 'zs' }],
    ['张', { kind: 'text', text: '张' }],
    ['南阳 光电', { kind: 'text', text: '南阳光电' }],
    ['   ', { kind: 'none' }],
    ['', { kind: 'none' }],
  ])('reads %j as %j', (raw, expected) => expect(classifyQuery(raw)).toEqual(expected));

  it('searches the matching kind of token', () => {
    expect(tokenPrefixOf(classifyQuery('1380'))).toBe('tel:1380');
    expect(tokenPrefixOf(classifyQuery('zs'))).toBe('py:zs');
    expect(tokenPrefixOf(classifyQuery('张'))).toBe('txt:张');
    expect(tokenPrefixOf(classifyQuery(' '))).toBeNull();
  });
});

describe('what the clerk sees of a visitor', () => {
  const contacts = [
    { visitor: { name: '张三', phone: '13800138000' }, openedAt: at(3) },
    { visitor: { name: '张三丰', organisation: '南阳光电研究院', phone: '13800138000' }, openedAt: at(20) },
    { visitor: { name: '张三', phone: '13800138000' }, openedAt: at(10) },
  ];

  it('shows the most recent details and counts every contact', () => {
    expect(summariseVisitor('tel:13800138000', contacts)).toEqual({
      visitorKey: 'tel:13800138000',
      name: '张三丰',
      organisation: '南阳光电研究院',
      phone: '13800138000',
      names: ['张三丰', '张三'],
      organisations: ['南阳光电研究院'],
      lastContactAt: at(20),
      contactCount: 3,
    });
  });

  it('is gone when no contact is left', () => {
    expect(summariseVisitor('tel:13800138000', [])).toBeNull();
  });
});

describe("a contact's search tokens", () => {
  const tokensOf = (visitor: { name?: string; organisation?: string; phone?: string }, day = 1, initials = true) =>
    contactTokens({ visitor, openedAt: at(day), visitorKey: visitorKeyOf(visitor) }, initials ? initialsOf : null);

  it("find it by the visitor's phone, name, organisation and their initials", () => {
    const tokens = tokensOf({ name: '张三丰', organisation: '南阳光电研究院', phone: '138 0013 8000' });
    expect(tokens.map(tokenValue).sort()).toEqual(['13800138000', '张三丰', '南阳光电研究院', 'zsf', 'nygdyjy'].sort());
  });

  it('name the visitor they belong to, so a scan of the index keys alone tells the visitors apart', () => {
    const tokens = [
      ...tokensOf({ name: '张三', phone: '13800138000' }),
      ...tokensOf({ name: '王五', organisation: '卧龙' }),
    ];
    expect(new Set(tokens.map(tokenVisitorKey))).toEqual(new Set(['tel:13800138000', 'who:王五|卧龙']));
  });

  it('find a landline by its local number too', () => {
    expect(tokensOf({ name: '王五', phone: '0377-63176300' }).map(tokenValue)).toEqual(
      expect.arrayContaining(['037763176300', '63176300']),
    );
  });

  it('read a polyphonic surname both ways, so 曾国藩 is found by zgf and by cgf', () => {
    expect(tokensOf({ name: '曾国藩' }).map(tokenValue)).toEqual(expect.arrayContaining(['cgf', 'zgf']));
  });

  it('are marked for a later reindex when made without initials', () => {
    const visitor = { name: '张三', phone: '13800138000' };
    const contact = { visitor, openedAt: at(1), visitorKey: visitorKeyOf(visitor) };
    const pending = contactSearchFields(contact, null);
    expect(pending.initialsPending).toBe(1);
    expect(pending.tokens.map(tokenValue)).not.toContain('zs');
    expect(contactSearchFields(contact, initialsOf)).toEqual({ tokens: tokensOf(visitor) });
  });

  it('sort equal values newest contact first, and an exact value before its longer completions', () => {
    const tokenOf = (name: string, day: number) => tokensOf({ name }, day, false)[0]!;
    const sorted = [tokenOf('张三丰', 28), tokenOf('张三', 1), tokenOf('张三', 27)].sort();
    expect(sorted).toEqual([tokenOf('张三', 27), tokenOf('张三', 1), tokenOf('张三丰', 28)]);
  });
});

describe('the order of the matches', () => {
  const visitor = (visitorKey: string, day: number, contactCount = 1) => ({
    visitorKey,
    lastContactAt: at(day),
    contactCount,
  });

  it('puts exact matches first, then the most recent, then the most frequent visitor, each once', () => {
    const older = visitor('who:张三|', 1);
    const recent = visitor('who:张三丰|', 20);
    const frequent = visitor('who:张三石|', 5, 9);
    const rare = visitor('who:张三木|', 5, 1);
    const ranked = rankVisitorHits(
      classifyQuery('zs'),
      [
        { token: 'py:zsf\u00001', visitor: recent },
        { token: 'py:zs\u00002', visitor: older },
        { token: 'py:zss\u00003', visitor: rare },
        { token: 'py:zss\u00004', visitor: frequent },
        { token: 'py:zsf\u00005', visitor: recent },
      ],
      8,
    );
    expect(ranked.map((v) => v.visitorKey)).toEqual(['who:张三|', 'who:张三丰|', 'who:张三石|', 'who:张三木|']);
  });

  it('returns no more than asked for', () => {
    const hits = [1, 2, 3].map((d) => ({ token: `tel:138\u0000${d}`, visitor: visitor(`tel:138${d}`, d) }));
    expect(rankVisitorHits(classifyQuery('13'), hits, 2).map((v) => v.visitorKey)).toEqual(['tel:1383', 'tel:1382']);
  });
});
