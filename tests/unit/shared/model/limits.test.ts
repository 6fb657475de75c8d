import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LIMITS, multiLine, singleLine } from '../../../../shared/model/limits.ts';
import {
  contactAnsweredPayload,
  contactCorrectedPayload,
  contactOpenedPayload,
  contactReferredPayload,
  contactRefusalProposedPayload,
  contactTransferredPayload,
  contactTransferReturnedPayload,
} from '../../../../shared/model/contactEvents.ts';
import {
  caseCompletedPayload,
  caseMaterialsCheckedPayload,
  caseRejectedPayload,
} from '../../../../shared/model/caseEvents.ts';
import { calendarYearProposedPayload } from '../../../../shared/model/adminEvents.ts';
import { serviceItemSchema } from '../../../../shared/model/catalog.ts';
import { departmentSchema, staffSchema, agencySchema, referenceDocSchema } from '../../../../shared/model/reference.ts';
import { slipContentSchema, slipFieldSchema } from '../../../../shared/model/slip.ts';
import { envelopeShape } from '../../../../shared/model/envelope.ts';
import { deskEventSchema } from '../../../../shared/model/events.ts';
import { enrolRequestSchema } from '../../../../shared/sync/enrolment.ts';
import { contactOpened, contactTransferred } from '../builders.ts';
import { LONG_ITEM } from '../../../fixtures/slipItems.ts';

// Issue 10: every string a desk sends has a bound fit for its meaning, and no control characters where they have
// no business. These tests go through the schemas themselves, field by field.

type Path = readonly (string | number)[];

function withField(base: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

function messagesAt(schema: z.ZodType, value: unknown, path: Path): string[] {
  const r = schema.safeParse(value);
  return (r.error?.issues ?? []).filter((i) => i.path.join('.') === path.join('.')).map((i) => i.message);
}

const opened = contactOpened().payload;
const department = { id: 'dept-office', name: '办公室', phone: '0377-63176300', address: '南阳市科技大厦', order: 0 };
const staff = {
  id: 'zhang-wei',
  name: '张伟',
  departmentId: 'dept-office',
  rank: 'clerk',
  title: '科员',
  roles: ['clerk'],
  active: true,
};
const agency = { id: 'agency-tax', name: '税务局', phone: '0377-63162003', address: '七一路', remit: '税收优惠' };
const referred = {
  agencyId: 'agency-tax',
  toldApplicant: { agencyName: '税务局', phone: '0377-63162003', address: '七一路' },
  explanation: '请向税务局咨询',
};
const rejected = { reason: '不属于受理范围', legalBasis: '《办法》第三条' };

// One field of each kind, in the schema a desk's event or the server's reference document goes through.
const FIELDS: [string, z.ZodType, unknown, Path, number, 'line' | 'text'][] = [
  ['a visitor’s name', contactOpenedPayload, opened, ['visitor', 'name'], LIMITS.personName, 'line'],
  ['a visitor’s organisation', contactOpenedPayload, opened, ['visitor', 'organisation'], LIMITS.organisation, 'line'],
  ['the matter', contactOpenedPayload, opened, ['matter'], LIMITS.matter, 'text'],
  [
    'a material handed over',
    contactOpenedPayload,
    { ...opened, materials: [{ name: '申请表', count: 1 }] },
    ['materials', 0, 'name'],
    LIMITS.materialName,
    'line',
  ],
  ['an answer', contactAnsweredPayload, { answer: '已答复' }, ['answer'], LIMITS.answer, 'text'],
  ['an answer’s basis', contactAnsweredPayload, { answer: '已答复' }, ['basis'], LIMITS.basis, 'text'],
  [
    'the department told on a transfer',
    contactTransferredPayload,
    contactTransferred().payload,
    ['toldApplicant', 'departmentName'],
    LIMITS.organisation,
    'line',
  ],
  [
    'the handler told on a transfer',
    contactTransferredPayload,
    contactTransferred().payload,
    ['toldApplicant', 'handlerName'],
    LIMITS.personName,
    'line',
  ],
  ['a transfer’s note', contactTransferredPayload, contactTransferred().payload, ['note'], LIMITS.note, 'text'],
  [
    'a return’s reason',
    contactTransferReturnedPayload,
    { transferEventId: '01JD0000000000000000000000', reason: '非本科室职责' },
    ['reason'],
    LIMITS.reason,
    'text',
  ],
  [
    'the agency told on a referral',
    contactReferredPayload,
    referred,
    ['toldApplicant', 'agencyName'],
    LIMITS.organisation,
    'line',
  ],
  [
    'the address told on a referral',
    contactReferredPayload,
    referred,
    ['toldApplicant', 'address'],
    LIMITS.address,
    'line',
  ],
  ['a referral’s explanation', contactReferredPayload, referred, ['explanation'], LIMITS.explanation, 'text'],
  [
    'a refusal’s basis',
    contactRefusalProposedPayload,
    { toLeaderId: 'he-jianguo', reason: '不符合条件', basis: '《办法》' },
    ['basis'],
    LIMITS.basis,
    'text',
  ],
  [
    'a correction’s reason',
    contactCorrectedPayload,
    { matter: '更正', reason: '笔误' },
    ['reason'],
    LIMITS.reason,
    'text',
  ],
  [
    'a corrected name',
    contactCorrectedPayload,
    { visitor: { name: '张三' }, reason: '笔误' },
    ['visitor', 'name'],
    LIMITS.personName,
    'line',
  ],
  [
    'a material’s note on a check',
    caseMaterialsCheckedPayload,
    { checks: [{ materialId: 'application-form', state: 'nonConforming', note: '未盖章' }] },
    ['checks', 0, 'note'],
    LIMITS.materialNote,
    'text',
  ],
  ['a rejection’s reason', caseRejectedPayload, rejected, ['reason'], LIMITS.explanation, 'text'],
  ['a rejection’s legal basis', caseRejectedPayload, rejected, ['legalBasis'], LIMITS.legalBasis, 'text'],
  [
    'a case’s result',
    caseCompletedPayload,
    { completedOn: '2026-12-01', outcome: 'done', result: '已办结' },
    ['result'],
    LIMITS.explanation,
    'text',
  ],
  [
    'a calendar notice number',
    calendarYearProposedPayload,
    { year: 2027, noticeNumber: '国办发明电〔2026〕1号', days: [] },
    ['noticeNumber'],
    LIMITS.noticeNumber,
    'line',
  ],
  [
    'a holiday’s name',
    calendarYearProposedPayload,
    { year: 2027, noticeNumber: null, days: [{ date: '2027-10-01', kind: 'rest', name: '国庆节' }] },
    ['days', 0, 'name'],
    LIMITS.holidayName,
    'line',
  ],
  ['a service item’s name', serviceItemSchema, LONG_ITEM, ['name'], LIMITS.serviceItemName, 'line'],
  ['a service item’s legal basis', serviceItemSchema, LONG_ITEM, ['legalBasis'], LIMITS.legalBasis, 'text'],
  ['a service item’s condition', serviceItemSchema, LONG_ITEM, ['conditions', 0], LIMITS.condition, 'line'],
  ['a procedure step', serviceItemSchema, LONG_ITEM, ['procedure', 0, 'name'], LIMITS.procedureStep, 'line'],
  ['a catalog material’s name', serviceItemSchema, LONG_ITEM, ['materials', 0, 'name'], LIMITS.materialName, 'line'],
  [
    'a catalog material’s format',
    serviceItemSchema,
    LONG_ITEM,
    ['materials', 0, 'format'],
    LIMITS.materialFormat,
    'line',
  ],
  [
    'a catalog material’s sample',
    serviceItemSchema,
    LONG_ITEM,
    ['materials', 0, 'sampleRef'],
    LIMITS.sampleRef,
    'line',
  ],
  ['where to submit', serviceItemSchema, LONG_ITEM, ['submitAt'], LIMITS.address, 'line'],
  ['a department’s name', departmentSchema, department, ['name'], LIMITS.organisation, 'line'],
  ['a department’s address', departmentSchema, department, ['address'], LIMITS.address, 'line'],
  ['a staff member’s name', staffSchema, staff, ['name'], LIMITS.personName, 'line'],
  ['a staff member’s title', staffSchema, staff, ['title'], LIMITS.jobTitle, 'line'],
  ['an agency’s remit', agencySchema, agency, ['remit'], LIMITS.remit, 'text'],
  ['a slip’s label', slipFieldSchema, { label: '受理日期', value: '2026-12-01' }, ['label'], LIMITS.slipText, 'text'],
];

describe('string limits', () => {
  it.each(FIELDS)('accepts %s at its limit and refuses one character more', (_what, schema, base, path, limit) => {
    // 字 is one UTF-16 unit, like almost every Chinese character: the limit counts what the clerk sees.
    expect(schema.safeParse(withField(base, path, '字'.repeat(limit))).success).toBe(true);
    expect(messagesAt(schema, withField(base, path, '字'.repeat(limit + 1)), path)).toEqual(['tooLong']);
  });

  it('is generous enough for real text: a matter of 2000 characters, an organisation of 100 Chinese characters', () => {
    expect(LIMITS.matter).toBeGreaterThanOrEqual(2000);
    const org = '南阳'.repeat(50);
    expect(contactOpenedPayload.safeParse({ ...opened, visitor: { name: '张三', organisation: org } }).success).toBe(
      true,
    );
    expect(contactOpenedPayload.safeParse({ ...opened, visitor: { name: '张三', phone: '12345' } }).success).toBe(true);
  });

  it('accepts a rare character written as a surrogate pair (CJK Extension B) in names and texts', () => {
    expect(singleLine(LIMITS.personName).safeParse('𠀀𪚥').success).toBe(true);
    expect(multiLine(LIMITS.matter).safeParse('𠀀\n𪚥').success).toBe(true);
  });
});

describe('control characters', () => {
  const CONTROLS: [string, string][] = [
    ['NUL', '\u0000'],
    ['U+0001', '\u0001'],
    ['carriage return', '\r'],
    ['DEL', '\u007f'],
    ['NEL (C1)', '\u0085'],
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', '\uDC00'],
    // Invisible format characters (found in review): a name of only "\u200B\u202E" was stored and showed blank.
    ['a right-to-left override', '\u202E'],
    ['a left-to-right isolate', '\u2066'],
    ['a zero-width space', '\u200B'],
    ['a byte-order mark', '\uFEFF'],
  ];
  const line = (s: string) =>
    messagesAt(contactOpenedPayload, { ...opened, visitor: { name: s } }, ['visitor', 'name']);
  const text = (s: string) => messagesAt(contactOpenedPayload, { ...opened, matter: s }, ['matter']);
  const exact = (s: string) => messagesAt(slipFieldSchema, { label: s, value: '' }, ['label']);

  it.each(CONTROLS)('refuses %s inside a single line, a multi-line text and a slip’s text', (_name, c) => {
    expect(line(`张${c}三`)).toEqual(['controlCharacters']);
    expect(text(`咨询${c}材料`)).toEqual(['controlCharacters']);
    expect(exact(`受理${c}日期`)).toEqual(['controlCharacters']);
  });

  it('keeps the joiners scripts and emoji need, and refuses a required name that is only invisible', () => {
    expect(line('张\u200D三')).toEqual([]);
    expect(line('\u200B\u202E')).toEqual(['controlCharacters']);
  });

  it('allows a line break and a tab only in a multi-line text', () => {
    expect(line('张\n三')).toEqual(['controlCharacters']);
    expect(line('张\t三')).toEqual(['controlCharacters']);
    expect(line('张\u2028三')).toEqual(['controlCharacters']);
    expect(text('第一，材料\n第二，\t时限')).toEqual([]);
    expect(exact('第一行\n第二行')).toEqual([]);
  });

  it('refuses a NUL in the envelope’s aggregate id and type, which PostgreSQL text cannot hold', () => {
    const e = contactOpened();
    expect(z.object(envelopeShape).safeParse({ ...e, aggregateId: 'agg\u0000' }).success).toBe(false);
    expect(z.object(envelopeShape).safeParse({ ...e, type: 'contact.opened\u0000' }).success).toBe(false);
  });

  it('refuses control characters in a desk’s name at enrolment', () => {
    const r = enrolRequestSchema.safeParse({ code: '7KQ3-M9XD', label: '窗口\u00003' });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['controlCharacters']);
  });
});

describe('list limits', () => {
  const LISTS: [string, z.ZodType, unknown, Path, unknown, number][] = [
    [
      'materials handed over',
      contactOpenedPayload,
      opened,
      ['materials'],
      { name: '申请表', count: 1 },
      LIMITS.visitorMaterials,
    ],
    ['staff asked together', contactOpenedPayload, opened, ['askedStaffIds'], 'zhang-wei', LIMITS.askedStaff],
    [
      'materials checked on a case',
      caseMaterialsCheckedPayload,
      { checks: [] },
      ['checks'],
      { materialId: 'application-form', state: 'received' },
      LIMITS.itemMaterials,
    ],
    ['an item’s conditions', serviceItemSchema, LONG_ITEM, ['conditions'], '注册满一年', LIMITS.itemLines],
    ['a staff member’s roles', staffSchema, staff, ['roles'], 'clerk', 6],
  ];

  it.each(LISTS)('accepts %s up to the limit and refuses one more', (_what, schema, base, path, entry, limit) => {
    expect(schema.safeParse(withField(base, path, Array(limit).fill(entry))).success).toBe(true);
    expect(messagesAt(schema, withField(base, path, Array(limit + 1).fill(entry)), path)).toEqual(['tooMany']);
  });
});

describe('a corrected phone', () => {
  const corrected = (phone: string) => contactCorrectedPayload.safeParse({ visitor: { phone }, reason: '记错号码' });
  const registered = (phone: string) => contactOpenedPayload.safeParse({ ...opened, visitor: { name: '张三', phone } });

  it.each(['13800138000', '138 0013 8000', '+86 13800138000', '0377-63176300', '12345', ''])(
    'obeys the registration’s rule: %j',
    (phone) => {
      const a = corrected(phone);
      const b = registered(phone);
      expect(a.success).toBe(b.success);
      expect(a.data?.visitor?.phone).toBe(b.data?.visitor.phone);
    },
  );

  it.each(['138001', '电话：13800138000', '1'.repeat(LIMITS.phone + 1), '13800138000\u0000'])(
    'is refused like a registration’s when it is not a phone: %j',
    (phone) => {
      expect(corrected(phone).error?.issues.map((i) => i.message)).toEqual(['invalidPhone']);
      expect(registered(phone).error?.issues.map((i) => i.message)).toEqual(['invalidPhone']);
    },
  );
});

describe('the issue’s attack, through the schemas the server checks with', () => {
  const ONE_MB = 1024 * 1024;

  it('refuses a transfer that tells a 1 MB department name or handler', () => {
    const e = contactTransferred();
    const told = e.type === 'contact.transferred' ? e.payload.toldApplicant : undefined;
    for (const field of ['departmentName', 'handlerName'] as const) {
      const hostile = { ...e, payload: { ...e.payload, toldApplicant: { ...told, [field]: 'A'.repeat(ONE_MB) } } };
      const r = deskEventSchema.safeParse(hostile);
      expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        [`payload.toldApplicant.${field}`, 'tooLong'],
      ]);
    }
  });

  it('refuses a correction whose phone is 500 KB', () => {
    const hostile = {
      ...contactOpened(),
      type: 'contact.corrected',
      payload: {
        visitor: { phone: '1'.repeat(500 * 1024) },
        reason: '更正电话',
      },
    };
    const r = deskEventSchema.safeParse(hostile);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['payload.visitor.phone', 'invalidPhone'],
    ]);
  });

  it('refuses a department document whose name is 1 MB', () => {
    const doc = {
      kind: 'department',
      id: 'dept-office',
      body: { ...department, name: '科'.repeat(ONE_MB) },
      rev: 1,
      hlc: '000000000000001-00000-hq',
      updatedAt: '2026-11-28T00:00:00.000Z',
    };
    expect(referenceDocSchema.safeParse({ ...doc, body: department }).success).toBe(true);
    expect(referenceDocSchema.safeParse(doc).error?.issues.map((i) => i.message)).toEqual(['tooLong']);
  });

  it('refuses a 1 MB slip text inside slip content', () => {
    const field = { label: 'x'.repeat(ONE_MB), value: '' };
    expect(slipContentSchema.shape.stub.shape.fields.safeParse([field]).success).toBe(false);
  });
});
