import { z } from 'zod';
import { CONTACT_EVENT_VERSIONS, contactEventSchema, contactPayloadSchemas } from './contactEvents.ts';
import { CASE_EVENT_VERSIONS, caseEventSchema, casePayloadSchemas } from './caseEvents.ts';
import { ADMIN_EVENT_VERSIONS, adminEventSchema, adminPayloadSchemas } from './adminEvents.ts';
import { SLIP_EVENT_VERSIONS, slipEventSchema, slipPayloadSchemas } from './slipEvents.ts';
import { FOLLOW_UP_EVENT_VERSIONS, followUpEventSchema, followUpPayloadSchemas } from './followUpEvents.ts';
import { RATING_EVENT_VERSIONS, ratingEventSchema, ratingPayloadSchemas } from './ratingEvents.ts';
import type { Aggregate } from './envelope.ts';
import { withinEventBytes } from './eventSize.ts';

/**
 * The shape of every event a desk may write (the register's, the cases', the administrators', the slips printed,
 * the follow-ups and ratings), without the bound on its whole size. A desk reads pulled events with it: an event
 * some server stored before the bound existed is still a record to fold, not a fault.
 */
export const deskEventShapeSchema = z.discriminatedUnion('type', [
  ...contactEventSchema.options,
  ...caseEventSchema.options,
  ...adminEventSchema.options,
  ...slipEventSchema.options,
  ...followUpEventSchema.options,
  ...ratingEventSchema.options,
]);

/**
 * Every event a desk may write, at most MAX_EVENT_BYTES as JSON (model/eventSize.ts): the desk refuses to record a
 * bigger one and the server refuses one pushed anyway, so no event can make a push or a pull page unanswerable.
 */
export const deskEventSchema = deskEventShapeSchema.refine(withinEventBytes, {
  message: 'eventTooLarge',
  // Only an otherwise valid event is measured: a field already refused says what is wrong, and costs no stringify.
  when: (payload) => payload.issues.length === 0,
});
export type DeskEvent = z.infer<typeof deskEventSchema>;
export type DeskEventType = DeskEvent['type'];

/** Current schema version of each event type. The server accepts this and the previous version. */
export const EVENT_VERSIONS: Record<DeskEventType, number> = {
  ...CONTACT_EVENT_VERSIONS,
  ...CASE_EVENT_VERSIONS,
  ...ADMIN_EVENT_VERSIONS,
  ...SLIP_EVENT_VERSIONS,
  ...FOLLOW_UP_EVENT_VERSIONS,
  ...RATING_EVENT_VERSIONS,
};

export const payloadSchemas = {
  ...contactPayloadSchemas,
  ...casePayloadSchemas,
  ...adminPayloadSchemas,
  ...slipPayloadSchemas,
  ...followUpPayloadSchemas,
  ...ratingPayloadSchemas,
} as const;
type PayloadSchemas = typeof payloadSchemas;

export type PayloadOf<T extends DeskEventType> = Extract<DeskEvent, { type: T }>['payload'];
/** What the UI hands to the data layer: the type and payload; the envelope is stamped on append. */
export type EventDraft = {
  [T in DeskEventType]: { type: T; aggregateId: string; payload: z.input<PayloadSchemas[T]> };
}[DeskEventType];

const AGGREGATE_OF_PREFIX: Record<string, Aggregate> = {
  contact: 'contact',
  case: 'case',
  catalog: 'catalog',
  calendar: 'calendar',
  slip: 'slip',
  settings: 'settings',
  followUp: 'followUp',
  rating: 'rating',
};

export function aggregateOf(type: DeskEventType): Aggregate {
  const aggregate = AGGREGATE_OF_PREFIX[type.split('.')[0] ?? ''];
  if (!aggregate) throw new Error(`no aggregate for event type ${type}`);
  return aggregate;
}
