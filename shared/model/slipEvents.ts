import { z } from 'zod';
import { caseIdSchema } from './caseEvents.ts';
import { envelopeShape } from './envelope.ts';
import { contactIdSchema, eventIdSchema, ulidSchema } from './ids.ts';
import { paperFormatSchema, slipContentSchema, slipSerialSchema } from './slip.ts';

// art. 10–11 一次性告知: the bureau must later prove exactly what it told the applicant. Each print of a slip is an
// event holding the whole composed content; a slip is an aggregate of its own (one id per serial), and a reprint is
// another slip.printed event of the same slip with the same content, counted.

export const slipIdSchema = ulidSchema.brand<'SlipId'>();
export type SlipId = z.infer<typeof slipIdSchema>;

/** What the slip is about: a case (checklist, notices, receipt) or a contact (transfer / referral note). */
export const slipSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), caseId: caseIdSchema }),
  z.object({ kind: z.literal('contact'), contactId: contactIdSchema }),
]);
export type SlipSubject = z.infer<typeof slipSubjectSchema>;

export const slipPrintedPayload = z
  .object({
    serial: slipSerialSchema,
    subject: slipSubjectSchema,
    /** The paper of this print; the content does not depend on it. */
    format: paperFormatSchema,
    content: slipContentSchema,
    /** The first print's eventId; absent on the first print itself. */
    reprintOf: eventIdSchema.optional(),
    /** 0 on the first print, then 1, 2…: the paper says 补打（第N次）. */
    reprint: z.number().int().min(0).max(9999),
    /**
     * Issue 13: SHA-256 (hex) of this print's QR rating token, for HQ to register. The token itself stays on the
     * printing desk (never in the synced log, where every desk could read it); absent when no rating page is set.
     */
    ratingTokenSha256: z
      .string()
      .max(64) // bounded before the pattern runs, like every string a desk sends
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .refine((p) => p.serial === p.content.serial, { message: 'slipSerialMismatch', path: ['serial'] })
  .refine((p) => (p.reprint === 0) === (p.reprintOf === undefined), {
    message: 'reprintNeedsOriginal',
    path: ['reprintOf'],
  });

export const slipPayloadSchemas = { 'slip.printed': slipPrintedPayload } as const;

export const slipEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...envelopeShape,
    aggregate: z.literal('slip'),
    aggregateId: slipIdSchema,
    type: z.literal('slip.printed'),
    payload: slipPrintedPayload,
  }),
]);
export type SlipEvent = z.infer<typeof slipEventSchema>;

export const SLIP_EVENT_VERSIONS: Record<SlipEvent['type'], number> = { 'slip.printed': 1 };
