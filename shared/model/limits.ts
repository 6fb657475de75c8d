import { z } from 'zod';

// Every string and list that crosses the wire has a bound (issue 10): a hostile or careless desk must not be able
// to store a text that makes someone's pull unanswerable, and PostgreSQL text cannot hold U+0000. The bounds live
// here once, by what the text means; the schemas and the desk's forms (maxLength) read them from this table.
// Lengths count UTF-16 code units, as zod and the browser's maxLength do: one per Chinese character.

export const LIMITS = {
  // People and places, as a clerk types them.
  personName: 40, // a visitor, a staff member, a handler, an agency's contact person
  organisation: 120, // a visitor's organisation, a department, an outside agency, the bureau
  jobTitle: 40, // 科长, 四级主任科员
  phone: 40, // as typed, before the phone rule (shared/rules/phone.ts) normalises it
  address: 200, // an office's address, where an applicant submits
  idNumber: 18, // a resident ID number; only its masked form (411302********1234) leaves the form
  // What was asked, answered and decided.
  matter: 2000,
  answer: 2000,
  basis: 500, // the policy an answer or a refusal rests on
  reason: 500, // returning, escalating, refusing, overruling, correcting, pausing, extending
  note: 500,
  explanation: 1000, // to the applicant on a referral; a rejection's reason; a case's result
  legalBasis: 1000,
  // The service catalog.
  serviceItemName: 80,
  materialName: 120,
  materialFormat: 120,
  materialNote: 300, // what is wrong with a material handed in
  condition: 500, // a condition of an item, or when a conditional material is needed
  procedureStep: 300,
  fee: 300, // a fee's standard or its basis
  sampleRef: 200,
  itemCode: 64, // 事项编码 / 实施编码: 11440100MB2C93452Q4000117001 and the like
  officeHours: 120, // 工作日 上午 9:00–12:00，下午 13:30–17:00（法定节假日除外）
  fileName: 60, // an attached form's file name
  faqQuestion: 80,
  faqAnswer: 200,
  remit: 500, // what an outside agency is competent for
  // The working-day calendar.
  holidayName: 40,
  noticeNumber: 200, // 国办发明电〔2024〕12号, several joined by 、
  // Desks.
  deviceLabel: 40,
  enrolmentCodeTyped: 16, // XXXX-XXXX as typed or pasted, with a few spaces
  // Printed slips: composed text, frozen whole in slip.printed.
  slipText: 4000,
  qrPayload: 500,
  // Fixed formats: the bound is the format's own length (the format check says the rest).
  ulid: 26,
  slug: 64, // reference ids (staff-wang-li) and the envelope's aggregateId and type
  hlc: 86, // 15-digit ms, a 5-character counter, a node of at most 64 (shared/sync/hlc.ts)
  isoDate: 10,
  year: 4,
  clockTime: 5, // HH:MM
  bureauCode: 8, // the prefix of slip serials, NYKJ
  isoDateTime: 35, // with an offset and nanoseconds
  slipSerial: 32,
  pin: 8,
  deviceToken: 43, // 32 random bytes as base64url
  // Lists.
  visitorMaterials: 30, // materials handed over at registration
  askedStaff: 10, // staff asked together (art. 7)
  itemMaterials: 40, // materials of a catalog item, and so of a case's check or supplement
  itemLines: 20, // conditions or procedure steps of an item
  specialStep: 100, // 专家评审（不计入办理时限）
  itemSpecialSteps: 5, // 特别程序 of an item (expert review, hearing, public notice…)
  itemFaq: 6, // 常见问题 of an item's guide
  itemForms: 6, // blank and sample forms attached to an item's guide
  calendarDays: 366,
  slipSections: 20,
  slipRows: 40, // fields, list items or material rows in one block
  slipLines: 10, // closing lines, stub fields, a material's notes
} as const;
export type LimitKind = keyof typeof LIMITS;

// C0 controls except TAB and LF, DEL, C1 controls: no business in a text a person typed (U+0000 also cannot be
// stored in PostgreSQL text). A single line also refuses TAB, LF and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
// Half of a surrogate pair without its other half is not text (it cannot be encoded as UTF-8).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Invisible format characters that make a record read other than it is: bidi embeddings, overrides and isolates
// (U+202A–202E, U+2066–2069: "abc\u202Efed" shows as "abcdef"), marks and zero-width spaces or joiners that hide
// inside a name (U+200B, U+200E/F, U+2060–2064, U+FEFF, U+180E). ZWNJ/ZWJ (U+200C/D) stay: scripts and emoji need them.
const INVISIBLE = /[\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

export function isCleanLine(s: string): boolean {
  return !CONTROL_IN_LINE.test(s) && !INVISIBLE.test(s) && !LONE_SURROGATE.test(s);
}

export function isCleanText(s: string): boolean {
  return !CONTROL_IN_TEXT.test(s) && !INVISIBLE.test(s) && !LONE_SURROGATE.test(s);
}

// Messages are i18n keys under errors.* (shared/i18n).
const TOO_LONG = 'tooLong';
const CONTROL = 'controlCharacters';
const TOO_MANY = 'tooMany';

/** One line a person typed (a name, a phone, a label): trimmed, at most `max`, no control characters or breaks. */
export const singleLine = (max: number) => z.string().trim().max(max, TOO_LONG).refine(isCleanLine, CONTROL);

/** Prose a person typed (a matter, a reason, a note): trimmed, at most `max`, line breaks and tabs allowed. */
export const multiLine = (max: number) => z.string().trim().max(max, TOO_LONG).refine(isCleanText, CONTROL);

/** Composed text kept exactly as it is (a slip's words): not trimmed, otherwise as `multiLine`. */
export const exactText = (max: number) => z.string().max(max, TOO_LONG).refine(isCleanText, CONTROL);

/** Optional text: blank means absent. */
export const blankAsAbsent = (text: z.ZodString) => text.optional().transform((s) => (s ? s : undefined));

/** A list of at most `max` entries. */
export const listOf = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, TOO_MANY);
