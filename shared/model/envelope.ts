import { z } from 'zod';
import { deviceIdSchema, eventIdSchema, staffIdSchema } from './ids.ts';
import { isHlc, MAX_HLC_LENGTH } from '../sync/hlc.ts';
import { MAX_ISO_TIME_LENGTH } from './eventTime.ts';
import { seqSchema } from './seq.ts';
import { isCleanLine, LIMITS } from './limits.ts';
import { proofSchema } from '../sync/staffAuth.ts';

/** The aggregates events belong to. Complaints join later. */
export const AGGREGATES = ['contact', 'case', 'catalog', 'calendar', 'slip', 'settings', 'followUp', 'rating'] as const;
export const aggregateSchema = z.enum(AGGREGATES);
export type Aggregate = z.infer<typeof aggregateSchema>;

/** Every event carries the same envelope; `payload` is typed per `type` below. */
export const envelopeShape = {
  eventId: eventIdSchema,
  aggregate: aggregateSchema,
  aggregateId: z.string().min(1).max(LIMITS.slug).refine(isCleanLine, 'controlCharacters'),
  type: z.string().min(1).max(LIMITS.slug).refine(isCleanLine, 'controlCharacters'),
  v: z.number().int().positive(),
  // Times are bounded against the server's clock when pushed (server/src/sync/ingest.ts, model/eventTime.ts).
  hlc: z.string().max(MAX_HLC_LENGTH).refine(isHlc, 'must be an HLC timestamp'),
  deviceId: deviceIdSchema,
  /** 1, 2, 3… per device, no gaps: the outbox order and the unit of acknowledgement. */
  deviceSeq: seqSchema,
  staffId: staffIdSchema,
  /** The desk's wall clock when the clerk acted (ISO 8601 with offset). */
  occurredAt: z.iso.datetime({ offset: true }).max(MAX_ISO_TIME_LENGTH),
  /** Present when the author had a server-verified staff session (issue 11): the event is then 'proven'. */
  proof: proofSchema.optional(),
};
export const envelopeSchema = z.object({ ...envelopeShape, payload: z.unknown() });
export type Envelope = z.infer<typeof envelopeSchema>;
