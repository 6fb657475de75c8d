import type { z } from 'zod';
import { calendarYearSchema, canonicalCalendarDays, type CalendarDay } from '../../shared/model/calendar.ts';
import { serviceItemSchema, type ServiceItem } from '../../shared/model/catalog.ts';
import type { StaffId } from '../../shared/model/ids.ts';
import { SETTINGS_ID, settingsSchema, type Settings } from '../../shared/model/reference.ts';
import { calendarAggregateId } from '../../shared/rules/calendarAdmin.ts';
import { calendarYearView, listCatalogForAdmin, settingsForAdmin } from './adminQueries.ts';
import { appendEvents, InvalidEventError } from './append.ts';
import { authorId, type Author } from './author.ts';
import type { DeskDb } from './db.ts';
import { invalid } from './operations.ts';
import { getStaff } from './references.ts';

// The administrators' operations: a new version of a catalog item or of the bureau's settings, and a year of the working-day calendar
// proposed by one admin and confirmed by another. Each is checked here with the shared schemas (a bad input
// gets its message and nothing is stored), then appended as an event; the HQ server applies it to the
// reference documents and every desk, this one included, receives the result by sync.

async function requireAdmin(db: DeskDb, staffId: StaffId): Promise<void> {
  const staff = await getStaff(db, staffId);
  if (!staff?.active || !staff.roles.includes('admin')) throw invalid('form', 'adminRequired');
}

export interface SaveItemInput {
  readonly item: z.input<typeof serviceItemSchema>;
  /** The version the admin opened, or null for a new item. */
  readonly baseRev: number | null;
  readonly note?: string;
}

/** Save a catalog item: paths of the messages are the item's own fields (promisedLimitDays, materials.2.name…). */
export async function saveServiceItem(db: DeskDb, author: Author, input: SaveItemInput): Promise<ServiceItem> {
  await requireAdmin(db, authorId(author));
  const parsed = serviceItemSchema.safeParse(input.item);
  if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
  const item = parsed.data;
  // 一次性告知: an applicant must be told when a conditional material is needed.
  const vague = item.materials.findIndex((m) => m.requirement === 'conditional' && !m.condition);
  if (vague >= 0) {
    const issue = { code: 'custom' as const, path: ['materials', vague, 'condition'], message: 'materialConditionRequired', input: undefined };
    throw new InvalidEventError([issue]);
  }
  if (!(await db.refs.get(['department', item.departmentId]))) throw invalid('departmentId', 'departmentRequired');
  const row = (await listCatalogForAdmin(db)).find((r) => r.item.id === item.id);
  if (input.baseRev === null && row) throw invalid('id', 'itemIdTaken');
  // One edit at a time: a second one would be made on a version the server has not confirmed yet.
  if (row?.edit?.kind === 'submitted') throw invalid('form', 'itemSavePending');
  await appendEvents(db, author, [
    { type: 'catalog.itemSaved', aggregateId: item.id, payload: { item, baseRev: input.baseRev, note: input.note } },
  ]);
  return item;
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
