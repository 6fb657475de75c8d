import { z } from 'zod';
import { deviceIdSchema, eventIdSchema, staffIdSchema } from './ids.ts';
import { isHlc } from '../sync/hlc.ts';
import { proofSchema } from '../sync/staffAuth.ts';

/** The aggregates events belong to. Follow-ups and complaints join later. */
export const AGGREGATES = ['contact', 'case', 'catalog', 'calendar', 'slip'] as const;
export const aggregateSchema = z.enum(AGGREGATES);
export type Aggregate = z.infer<typeof aggregateSchema>;

/** Every event carries the same envelope; `payload` is typed per `type` below. */
export const envelopeShape = {
  eventId: eventIdSchema,
  aggregate: aggregateSchema,
  aggregateId: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  v: z.number().int().positive(),
  hlc: z.string().refine(isHlc, 'must be an HLC timestamp'),
  deviceId: deviceIdSchema,
  /** 1, 2, 3… per device, no gaps: the outbox order and the unit of acknowledgement. */
  deviceSeq: z.number().int().positive(),
  staffId: staffIdSchema,
  /** The desk's wall clock when the clerk acted (ISO 8601 with offset). */
  occurredAt: z.iso.datetime({ offset: true }),
  /** Present when the author had a server-verified staff session (issue 11): the event is then 'proven'. */
  proof: proofSchema.optional(),
};
export const envelopeSchema = z.object({ ...envelopeShape, payload: z.unknown() });
export type Envelope = z.infer<typeof envelopeSchema>;

/** Optional free text: blank means absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));

/** Required free text whose absence has its own message (an i18n key under errors.*). */
export const reason = (key: string, max = 500) => z.string().trim().min(1, key).max(max);
