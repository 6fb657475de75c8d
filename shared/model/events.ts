import { z } from 'zod';
import { contactIdSchema, departmentIdSchema, deviceIdSchema, eventIdSchema, staffIdSchema } from './ids.ts';
import { phoneSchema } from '../rules/phone.ts';
import { isHlc } from '../sync/hlc.ts';

/** The aggregates events belong to. Cases, slips, follow-ups and complaints join later. */
export const AGGREGATES = ['contact'] as const;
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
};
export const envelopeSchema = z.object({ ...envelopeShape, payload: z.unknown() });
export type Envelope = z.infer<typeof envelopeSchema>;

export const CHANNELS = ['visit', 'call', 'letter', 'online'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));

export const visitorSchema = z
  .object({
    name: optionalText(40),
    organisation: optionalText(80),
    phone: z
      .string()
      .trim()
      .optional()
      .transform((s) => (s ? s : undefined))
      .pipe(phoneSchema.optional()),
  })
  .refine((v) => Boolean(v.name ?? v.organisation), { message: 'visitorRequired', path: ['name'] });
export type Visitor = z.infer<typeof visitorSchema>;

// art. 6–7: the contact is registered with its first-inquiry responsible person.
export const contactOpenedPayload = z.object({
  channel: channelSchema,
  visitor: visitorSchema,
  matter: z.string().trim().min(1, 'matterRequired').max(2000),
  /** Everyone who was asked together (art. 7); the responsible person is among them. */
  askedStaffIds: z.array(staffIdSchema).min(1).max(10),
  responsibleStaffId: staffIdSchema,
});

// art. 8(2): a matter within one's own duty is answered at once, on the basis of policy.
export const contactAnsweredPayload = z.object({
  answer: z.string().trim().min(1, 'answerRequired').max(2000),
  basis: optionalText(500),
});

// art. 8(3): transfer to the handler; the applicant is told department, handler and phone.
export const contactTransferredPayload = z.object({
  toDepartmentId: departmentIdSchema,
  toStaffId: staffIdSchema,
  /** What the applicant was told, as shown on screen: kept so the record proves it. */
  toldApplicant: z.object({ departmentName: z.string().min(1), handlerName: z.string().min(1), phone: phoneSchema }),
  note: optionalText(500),
});

function eventSchema<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({ ...envelopeShape, aggregate: z.literal('contact'), type: z.literal(type), payload });
}

export const contactOpenedSchema = eventSchema('contact.opened', contactOpenedPayload).extend({
  aggregateId: contactIdSchema,
});
export const contactAnsweredSchema = eventSchema('contact.answered', contactAnsweredPayload).extend({
  aggregateId: contactIdSchema,
});
export const contactTransferredSchema = eventSchema('contact.transferred', contactTransferredPayload).extend({
  aggregateId: contactIdSchema,
});

export const contactEventSchema = z.discriminatedUnion('type', [
  contactOpenedSchema,
  contactAnsweredSchema,
  contactTransferredSchema,
]);
export type ContactEvent = z.infer<typeof contactEventSchema>;

/** Every event a desk may write. Grows with later capabilities (cases, slips…). */
export const deskEventSchema = contactEventSchema;
export type DeskEvent = z.infer<typeof deskEventSchema>;
export type DeskEventType = DeskEvent['type'];

/** Current schema version of each event type. The server accepts this and the previous version. */
export const EVENT_VERSIONS: Record<DeskEventType, number> = {
  'contact.opened': 1,
  'contact.answered': 1,
  'contact.transferred': 1,
};

export type PayloadOf<T extends DeskEventType> = Extract<DeskEvent, { type: T }>['payload'];
/** What the UI hands to the data layer: the type and payload; the envelope is stamped on append. */
export type EventDraft = {
  [T in DeskEventType]: { type: T; aggregateId: string; payload: z.input<(typeof payloadSchemas)[T]> };
}[DeskEventType];

export const payloadSchemas = {
  'contact.opened': contactOpenedPayload,
  'contact.answered': contactAnsweredPayload,
  'contact.transferred': contactTransferredPayload,
} as const satisfies Record<DeskEventType, z.ZodType>;

export function aggregateOf(type: DeskEventType): Aggregate {
  return type.split('.')[0] as Aggregate;
}
