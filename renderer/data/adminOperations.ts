import type { z } from 'zod';
import { calendarYearSchema, canonicalCalendarDays, type CalendarDay } from '../../shared/model/calendar.ts';
import { serviceItemSchema, type ServiceItem } from '../../shared/model/catalog.ts';
import type { StaffId } from '../../shared/model/ids.ts';
import { SETTINGS_ID, settingsSchema, type Settings } from '../../shared/model/reference.ts';
import { calendarAggregateId } from '../../shared/rules/calendarAdmin.ts';
import { guideGaps } from '../../shared/rules/catalogPublication.ts';
import { calendarYearView, catalogItemForAdmin, settingsForAdmin } from './adminQueries.ts';
import { appendEvents, InvalidEventError } from './append.ts';
import { authorId, type Author } from './author.ts';
import type { DeskDb } from './db.ts';
import { invalid } from './operations.ts';
import { getStaff } from './references.ts';

// The administrators' operations: a catalog item's draft and its publication by a second admin, a new version of the bureau's settings, and a year of the working-day calendar
// proposed by one admin and confirmed by another. Each is checked here with the shared schemas (a bad input
// gets its message and nothing is stored), then appended as an event; the HQ server applies it to the
// reference documents and every desk, this one included, receives the result by sync.

async function requireAdmin(db: DeskDb, staffId: StaffId): Promise<void> {
  const staff = await getStaff(db, staffId);
  if (!staff?.active || !staff.roles.includes('admin')) throw invalid('form', 'adminRequired');
}

export interface SaveItemInput {
  readonly item: z.input<typeof serviceItemSchema>;
  /** The published version the admin opened, or null for an item never published. */
  readonly baseRev: number | null;
  /** The draft the admin opened and amends, when it was one (a new item's draft among them). */
  readonly revises?: string;
  readonly note?: string;
}

/**
 * Save a catalog item as a DRAFT (公开承诺, art. 20–23, issue 16): it is in force only once a second admin publishes
 * it (publishCatalogItem). Paths of the messages are the item's own fields (promisedLimitDays, materials.2.name…).
 */
export async function saveServiceItem(db: DeskDb, author: Author, input: SaveItemInput): Promise<ServiceItem> {
  await requireAdmin(db, authorId(author));
  const parsed = serviceItemSchema.safeParse(input.item);
  if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
  // HQ alone stamps a publication, at approval: a draft never carries one (HQ refuses it).
  const { publication: _stamp, ...item } = parsed.data;
  // 一次性告知: an applicant must be told when a conditional material is needed.
  const vague = item.materials.findIndex((m) => m.requirement === 'conditional' && !m.condition);
  if (vague >= 0) {
    const issue = { code: 'custom' as const, path: ['materials', vague, 'condition'], message: 'materialConditionRequired', input: undefined };
    throw new InvalidEventError([issue]);
  }
  if (!(await db.refs.get(['department', item.departmentId]))) throw invalid('departmentId', 'departmentRequired');
  const row = await catalogItemForAdmin(db, item.id);
  // A new item's code is free unless published, or drafted by someone else (this edit does not amend that draft).
  if (input.baseRev === null && row && (row.rev > 0 || row.draft?.event.eventId !== input.revises)) {
    throw invalid('id', 'itemIdTaken');
  }
  // Another admin's version was published while this form was open: the server would refuse the draft.
  if (row && input.baseRev !== null && input.baseRev !== row.rev) throw invalid('form', 'itemChanged');
  // One edit at a time: a second one would be made on a draft the server has not confirmed yet.
  if (row?.edit?.kind === 'submitted') throw invalid('form', 'itemSavePending');
  await appendEvents(db, author, [
    { type: 'catalog.itemSaved', aggregateId: item.id, payload: { item, baseRev: input.baseRev, note: input.note } },
  ]);
  return item;
}

/**
 * Publish an item's newest draft as the second person (never its drafter): HQ then freezes it as the next version,
 * dated, and every desk takes it at its next pull. The guide must be complete (guideGaps): the public page, the
 * leaflet and the checklist are all composed from it.
 */
export async function publishCatalogItem(
  db: DeskDb,
  author: Author,
  input: { itemId: string; draftEventId: string },
): Promise<void> {
  await requireAdmin(db, authorId(author));
  const row = await catalogItemForAdmin(db, input.itemId);
  const draft = row?.draft;
  if (!draft || draft.event.eventId !== input.draftEventId) throw invalid('form', 'catalogDraftGone');
  if (draft.event.staffId === authorId(author)) throw invalid('form', 'catalogPublishedBySamePerson');
  if (draft.stale) throw invalid('form', 'catalogDraftStale');
  if (guideGaps(draft.event.payload.item).length > 0) throw invalid('form', 'guideIncomplete');
  // A draft still in this desk's outbox may be published here (after the drafter signed out): the desk pushes in
  // order, so HQ has the draft before its approval.
  await appendEvents(db, author, [
    { type: 'catalog.itemPublished', aggregateId: input.itemId, payload: { itemId: input.itemId, draftEventId: input.draftEventId } },
  ]);
}

export interface ProposeYearInput {
  readonly year: number;
  readonly noticeNumber: string | null;
  readonly days: readonly CalendarDay[];
}

/** Enter a year's schedule; it takes effect only when another admin confirms it. */
export async function proposeCalendarYear(db: DeskDb, author: Author, input: ProposeYearInput): Promise<void> {
  await requireAdmin(db, authorId(author));
  const noticeNumber = input.noticeNumber?.trim() || null;
  const enteredBy = authorId(author);
  const checked = calendarYearSchema.safeParse({ ...input, noticeNumber, status: 'proposed', enteredBy });
  if (!checked.success) throw new InvalidEventError(checked.error.issues);
  // Every published year moves at least New Year's Day; an empty list is a year nobody entered.
  if (checked.data.days.length === 0) throw invalid('days', 'calendarYearEmpty');
  const days = canonicalCalendarDays(input.year, checked.data.days);
  await appendEvents(db, author, [
    { type: 'calendar.yearProposed', aggregateId: calendarAggregateId(input.year), payload: { year: input.year, noticeNumber, days } },
  ]);
}

/** Confirm the year's newest proposal, as the second person (never the admin who entered it). */
export async function confirmCalendarYear(
  db: DeskDb,
  author: Author,
  input: { year: number; proposalEventId: string },
): Promise<void> {
  await requireAdmin(db, authorId(author));
  const view = await calendarYearView(db, input.year);
  if (!view.pending || view.pending.eventId !== input.proposalEventId) throw invalid('form', 'calendarProposalGone');
  if (view.pending.staffId === authorId(author)) throw invalid('form', 'calendarConfirmedBySamePerson');
  await appendEvents(db, author, [
    { type: 'calendar.yearConfirmed', aggregateId: calendarAggregateId(input.year), payload: input },
  ]);
}

export interface SaveSettingsInput {
  readonly settings: z.input<typeof settingsSchema>;
  /** The version the admin opened, or null where HQ has sent no settings yet. */
  readonly baseRev: number | null;
  readonly note?: string;
}

/**
 * Save the bureau's settings as their next version (issue 12 item 8: the art. 12 answer limit among them). Messages
 * land on the settings' own fields; every desk takes the new version at its next pull.
 */
export async function saveBureauSettings(db: DeskDb, author: Author, input: SaveSettingsInput): Promise<Settings> {
  await requireAdmin(db, authorId(author));
  const parsed = settingsSchema.safeParse(input.settings);
  if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
  const view = await settingsForAdmin(db);
  if (view.edit?.kind === 'submitted') throw invalid('form', 'settingsSavePending');
  // Another admin's version arrived while this form was open: saving would be refused by the server anyway.
  if (input.baseRev !== (view.doc?.rev ?? null)) throw invalid('form', 'settingsChanged');
  // Every slip serial number starts with the bureau code (DESIGN "Ids"): an edit never changes it.
  if (view.doc && parsed.data.bureauCode !== view.doc.body.bureauCode) throw invalid('bureauCode', 'bureauCodeFixed');
  const settings = parsed.data;
  await appendEvents(db, author, [
    { type: 'settings.saved', aggregateId: SETTINGS_ID, payload: { settings, baseRev: input.baseRev, note: input.note } },
  ]);
  return settings;
}
