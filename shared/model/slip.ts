import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';
import { serviceItemIdSchema } from './catalog.ts';
import { exactText, LIMITS, listOf, singleLine } from './limits.ts';

// 一次性告知 (chapter 3): every notice the desk hands out is a printed slip whose exact content is kept. A slip is
// data first — everything printed on it, labels included, is composed once (shared/rules/slips) and stored whole
// in its slip.printed event, so a reprint on any desk, years later, after the catalog or the wording changed, is
// the same paper. The print templates (renderer/print) only lay this out; they add no words of their own.

export const SLIP_KINDS = [
  'checklist', // 一次性告知单
  'supplementNotice', // 补正材料通知书
  'acceptanceReceipt', // 受理通知书
  'rejectionNotice', // 不予受理通知书
  'withdrawalNotice', // 撤回申请确认书 (the applicant withdrew)
  'closureNotice', // 办件终结告知书 (ended without acceptance)
  'transferNote', // 转办告知单 / 告知单 (referral)
] as const;
export const slipKindSchema = z.enum(SLIP_KINDS);
export type SlipKind = z.infer<typeof slipKindSchema>;

/** A4 sheet, or 80 mm thermal receipt roll. */
export const PAPER_FORMATS = ['a4', 'receipt80'] as const;
export const paperFormatSchema = z.enum(PAPER_FORMATS);
export type PaperFormat = z.infer<typeof paperFormatSchema>;

/**
 * `${bureauCode}-${deskCode}-${year}-${seq}`, e.g. NYKJ-W7K2Q-2026-000127: unique across desks without asking
 * anyone, because the desk code comes from the desk's own id and the sequence is the desk's own (rules/slips/serial.ts).
 */
export const SERIAL_RE = /^[A-Z]{2,8}-[A-Z0-9]{2,8}-\d{4}-\d{6,9}$/;
export const slipSerialSchema = z
  .string()
  .max(LIMITS.slipSerial, 'invalidSlipSerial')
  .regex(SERIAL_RE, 'invalidSlipSerial')
  .brand<'SlipSerial'>();
export type SlipSerial = z.infer<typeof slipSerialSchema>;

// Composed text: already in its final words, kept exactly (never trimmed); generous limits, because the sources
// were validated when entered.
const words = exactText(LIMITS.slipText).min(1);
const maybeWords = exactText(LIMITS.slipText);
const phone = singleLine(LIMITS.phone);

export const slipFieldSchema = z.object({ label: words, value: maybeWords });
export type SlipField = z.infer<typeof slipFieldSchema>;

export const slipMaterialRowSchema = z.object({
  name: words,
  /** 必需 / 视情况提供（when…）: how the applicant knows whether it applies to them. */
  requirement: maybeWords,
  /** 原件 1 份，复印件 1 份 */
  copies: maybeWords,
  /** What it must look like (catalog format), or on a supplement notice what is required. */
  format: maybeWords,
  /** Notes, sample reference, or on a supplement notice what is wrong with it. */
  notes: listOf(words, LIMITS.slipLines),
});
export type SlipMaterialRow = z.infer<typeof slipMaterialRowSchema>;

export const slipBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: words }),
  /** Label–value lines (受理日期：…). */
  z.object({ type: z.literal('fields'), fields: listOf(slipFieldSchema, LIMITS.slipRows).min(1) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: listOf(words, LIMITS.slipRows).min(1) }),
  /** The materials: a table on A4, one block per material on a receipt. */
  z.object({
    type: z.literal('materials'),
    columns: z.object({ no: words, name: words, copies: words, format: words, notes: words }),
    rows: listOf(slipMaterialRowSchema, LIMITS.slipRows).min(1),
  }),
  /** Something the applicant must not miss (the deadline, the one-notice rule, the remedies). */
  z.object({ type: z.literal('notice'), text: words }),
]);
export type SlipBlock = z.infer<typeof slipBlockSchema>;

export const slipSectionSchema = z.object({
  heading: maybeWords,
  blocks: listOf(slipBlockSchema, LIMITS.slipSections).min(1),
});
export type SlipSection = z.infer<typeof slipSectionSchema>;

export const slipContentSchema = z.object({
  /** Layout version of this structure, so a template can still lay out an old slip. */
  layout: z.literal(1),
  kind: slipKindSchema,
  lang: z.enum(['zh-CN', 'en']),
  serial: slipSerialSchema,
  /** The day of the first print; a reprint keeps it. */
  issuedOn: isoDateSchema,
  bureauName: words,
  title: words,
  /** The salutation line: 南阳某某科技有限公司（张三）： */
  addressee: words,
  applicant: z.object({
    name: words,
    /** PIPL: only ever the masked form (138****8000). */
    phoneMasked: phone.optional(),
    /** On the stub the desk keeps, the applicant is not the reader: 张*三. */
    nameOnStub: words,
  }),
  /** The catalog item and the version of it the slip was composed from, where there is one. */
  catalog: z.object({ itemId: serviceItemIdSchema, itemName: words, rev: z.number().int().positive() }).optional(),
  intro: maybeWords,
  sections: listOf(slipSectionSchema, LIMITS.slipSections),
  closing: listOf(words, LIMITS.slipLines),
  staff: z.object({ name: words, phone }),
  consultPhone: phone.min(1),
  complaintPhone: phone.min(1),
  /** What the QR code carries: the serial, or a follow-up address that contains it. */
  qr: z.object({ payload: singleLine(LIMITS.qrPayload).min(1), caption: words }),
  /** The receipt the applicant signs and the desk keeps (printed below a cut line). */
  stub: z.object({
    heading: words,
    fields: listOf(slipFieldSchema, LIMITS.slipLines),
    acknowledgement: words,
    sign: words,
  }),
  /** Every other word the paper shows, frozen with it. `reprint` has {{n}} (the reprint count). */
  labels: z.object({
    serial: words,
    issuedOn: words,
    applicant: words,
    phone: words,
    item: words,
    /** {{item}} and {{rev}}: the item and its catalog version. */
    itemWithRev: words,
    colon: words,
    staff: words,
    staffPhone: words,
    consultPhone: words,
    complaintPhone: words,
    seal: words,
    cutLine: words,
    reprint: words,
    page: words,
  }),
});
export type SlipContent = z.infer<typeof slipContentSchema>;

/**
 * The longest page a receipt is printed on. A receipt's page is as long as its content; past this, it continues on
 * a further page (a PDF page cannot exceed 5080 mm, and roll printer drivers cap the length well before that).
 */
export const MAX_RECEIPT_PAGE_MM = 2000;

/** The receipt page height for content measured at `contentMm`. */
export function receiptPageMm(contentMm: number): number {
  return Math.min(Math.max(Math.ceil(contentMm), 40), MAX_RECEIPT_PAGE_MM);
}
