import { z } from 'zod';
import { envelopeShape } from './envelope.ts';
import { blankAsAbsent, LIMITS, listOf, multiLine, singleLine } from './limits.ts';
import { calendarDaySchema } from './calendar.ts';
import { eventIdSchema } from './ids.ts';
import { serviceItemIdSchema, serviceItemSchema } from './catalog.ts';
import { settingsSchema } from './reference.ts';

// Reference data edited by administrators travels as events too: offline-safe, audited, and applied to the
// authoritative reference documents by the server (which checks the admin role).

// A new version of a service item; `baseRev` is the version the admin edited (null for a new item), so a
// concurrent edit is detected instead of silently overwritten.
export const catalogItemSavedPayload = z.object({
  item: serviceItemSchema,
  baseRev: z.number().int().positive().nullable(),
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

// 公开承诺 (art. 20–23, issue 16 item 2): a catalog.itemSaved is a DRAFT; a second administrator publishes it by
// naming it. Only the newest draft of the item can be published, and only while the published version is still the
// one it was drafted from (its baseRev).
export const catalogItemPublishedPayload = z.object({
  itemId: serviceItemIdSchema,
  draftEventId: eventIdSchema,
});

// A new version of the bureau's settings (issue 12 item 8, issue 13 item 8): the whole document, so a version is
// self-contained; `baseRev` as for an item (null only when HQ has no settings yet).
export const settingsSavedPayload = z.object({
  settings: settingsSchema,
  baseRev: z.number().int().positive().nullable(),
  note: blankAsAbsent(multiLine(LIMITS.note)),
});

// A year's schedule as published by the State Council: entered by one admin…
export const calendarYearProposedPayload = z.object({
  year: z.number().int().min(1990).max(2200),
  noticeNumber: singleLine(LIMITS.noticeNumber).min(1).nullable(),
  days: listOf(calendarDaySchema, LIMITS.calendarDays),
});

// …and confirmed by a second person before it takes effect.
export const calendarYearConfirmedPayload = z.object({
  year: z.number().int().min(1990).max(2200),
  proposalEventId: eventIdSchema,
});

export const adminPayloadSchemas = {
  'catalog.itemSaved': catalogItemSavedPayload,
  'catalog.itemPublished': catalogItemPublishedPayload,
  'calendar.yearProposed': calendarYearProposedPayload,
  'calendar.yearConfirmed': calendarYearConfirmedPayload,
  'settings.saved': settingsSavedPayload,
} as const;

export const adminEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...envelopeShape,
    aggregate: z.literal('catalog'),
    type: z.literal('catalog.itemSaved'),
    payload: catalogItemSavedPayload,
  }),
  z.object({
    ...envelopeShape,
    aggregate: z.literal('catalog'),
    type: z.literal('catalog.itemPublished'),
    payload: catalogItemPublishedPayload,
  }),
  z.object({
    ...envelopeShape,
    aggregate: z.literal('calendar'),
    type: z.literal('calendar.yearProposed'),
    payload: calendarYearProposedPayload,
  }),
  z.object({
    ...envelopeShape,
    aggregate: z.literal('calendar'),
    type: z.literal('calendar.yearConfirmed'),
    payload: calendarYearConfirmedPayload,
  }),
  z.object({
    ...envelopeShape,
    aggregate: z.literal('settings'),
    type: z.literal('settings.saved'),
    payload: settingsSavedPayload,
  }),
]);
export type AdminEvent = z.infer<typeof adminEventSchema>;

export const ADMIN_EVENT_VERSIONS: Record<AdminEvent['type'], number> = {
  'catalog.itemSaved': 1,
  'catalog.itemPublished': 1,
  'calendar.yearProposed': 1,
  'calendar.yearConfirmed': 1,
  'settings.saved': 1,
};
