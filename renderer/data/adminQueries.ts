import type { AdminEvent } from '../../shared/model/adminEvents.ts';
import type { CalendarYear } from '../../shared/model/calendar.ts';
import { SERVICE_CATEGORIES, type ServiceItem } from '../../shared/model/catalog.ts';
import { SETTINGS_ID, type ReferenceDoc, type Settings } from '../../shared/model/reference.ts';
import { calendarAggregateId, calendarYearProgress, type CalendarYearProgress } from '../../shared/rules/calendarAdmin.ts';
import { catalogItemProgress } from '../../shared/rules/catalogPublication.ts';
import { canonicalJson } from '../../shared/sync/canonical.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../shared/rules/calendarData.ts';
import type { DeskDb, RejectedRow, StoredEvent } from './db.ts';

// What the admin screens show, read from the reference docs the server sent and from the admin events in the
// desk's log (a catalog item's drafts and their publication among them): an edit this desk made is "submitted" until it comes back from the server (with the new version
// of the document in the same or an earlier pull), and "refused" when the server rejected it.

type ItemDoc = Extract<ReferenceDoc, { kind: 'serviceItem' }>;
type YearDoc = Extract<ReferenceDoc, { kind: 'calendarYear' }>;
type SettingsDoc = Extract<ReferenceDoc, { kind: 'settings' }>;

/** Where an admin's last edit of a document stands on this desk. */
export type EditState =
  | { readonly kind: 'submitted'; readonly eventId: string }
  | { readonly kind: 'refused'; readonly eventId: string; readonly rejection: RejectedRow };

type ItemDraft = Extract<AdminEvent, { type: 'catalog.itemSaved' }>;

/**
 * A catalog item as the admin screen shows it (公开承诺, art. 20–23, issue 16): the version in force is the one a
 * second admin published (HQ sends it as the item's document); an admin's save is a draft until then.
 */
export interface CatalogRow {
  /** The version in force, as the server last sent it; for an item never published, its newest draft. */
  readonly item: ServiceItem;
  /** The version in force (0: never published). */
  readonly rev: number;
  /** When the version in force was published: HQ's stamp, or the document's date for a version seeded before issue 16. */
  readonly publishedAt?: string;
  /**
   * The newest draft not yet published (stored by HQ, or still on this desk): a second admin may publish it
   * (`stale` when the version in force is no longer the one it was drafted from: it must be drafted again).
   */
  readonly draft?: { readonly event: ItemDraft; readonly stale: boolean };
  readonly edit?: EditState;
}

/** Events of one aggregate kind, in the order the server committed them; this desk's unsent ones last. */
async function adminEvents(db: DeskDb, aggregate: 'catalog' | 'calendar' | 'settings', id?: string): Promise<StoredEvent[]> {
  const index = db.events.where('[aggregate+aggregateId]');
  const rows = await (id === undefined ? index.between([aggregate, ''], [aggregate, '\uffff']) : index.equals([aggregate, id])).toArray();
  return rows.sort(
    (a, b) => (a.serverSeq ?? Infinity) - (b.serverSeq ?? Infinity) || (a.event.hlc < b.event.hlc ? -1 : 1),
  );
}

async function rejectionsOf(db: DeskDb, events: readonly StoredEvent[]): Promise<Map<string, RejectedRow>> {
  const found = await db.rejected.bulkGet(events.map((e) => e.eventId));
  return new Map(found.flatMap((r) => (r ? [[r.eventId, r] as const] : [])));
}

/**
 * The state of this desk's newest edit among these events (one document's): submitted while the server has
 * not sent it back, refused when it rejected it — until an edit the server accepted is newer than the refusal.
 */
function editState(events: readonly StoredEvent[], rejected: ReadonlyMap<string, RejectedRow>): EditState | undefined {
  const newest = (list: readonly StoredEvent[]) => list.reduce<StoredEvent | undefined>((a, e) => (!a || e.event.hlc > a.event.hlc ? e : a), undefined);
  const local = newest(events.filter((e) => e.serverSeq === undefined));
  if (!local) return undefined;
  const rejection = rejected.get(local.eventId);
  if (!rejection) return { kind: 'submitted', eventId: local.eventId };
  const accepted = newest(events.filter((e) => e.serverSeq !== undefined));
  return accepted && accepted.event.hlc > local.event.hlc ? undefined : { kind: 'refused', eventId: local.eventId, rejection };
}

function catalogRow(
  doc: ItemDoc | undefined,
  events: readonly StoredEvent[],
  rejected: ReadonlyMap<string, RejectedRow>,
): CatalogRow | undefined {
  // A refused event never happened for the server, so it does not count here either.
  const accepted = events.filter((e) => !rejected.has(e.eventId)).map((e) => e.event as AdminEvent);
  const { latestDraft } = catalogItemProgress(accepted);
  const edit = editState(events, rejected);
  const rev = doc?.rev ?? 0;
  // A save HQ stored before publication needed approval (issue 16) took effect at once: the version in force is
  // that save's item, stamped by no publication. It is no draft now (HQ would refuse to publish it as stale).
  const storedByHq = events.some((e) => e.eventId === latestDraft?.eventId && e.serverSeq !== undefined);
  const legacy =
    latestDraft !== undefined &&
    storedByHq &&
    doc !== undefined &&
    !doc.body.publication &&
    (latestDraft.payload.baseRev ?? 0) + 1 === rev &&
    canonicalJson(latestDraft.payload.item) === canonicalJson(doc.body);
  const draft =
    latestDraft && !legacy ? { event: latestDraft, stale: (latestDraft.payload.baseRev ?? 0) !== rev } : undefined;
  // An item never published is listed by its draft (or by this desk's refused first draft, to show the refusal).
  const refusedFirst = events.at(-1)?.event;
  const item =
    doc?.body ?? draft?.event.payload.item ?? (edit && refusedFirst?.type === 'catalog.itemSaved' ? refusedFirst.payload.item : undefined);
  if (!item) return undefined;
  const publishedAt = doc ? (doc.body.publication?.publishedAt ?? doc.updatedAt) : undefined;
  return { item, rev, ...(publishedAt ? { publishedAt } : {}), ...(draft ? { draft } : {}), ...(edit ? { edit } : {}) };
}

/** Every catalog item with its version, its draft waiting for approval and this desk's last edit, new items included. */
export async function listCatalogForAdmin(db: DeskDb): Promise<CatalogRow[]> {
  const docs = (await db.refs.where('kind').equals('serviceItem').toArray()).map((r) => r.doc as ItemDoc);
  const events = await adminEvents(db, 'catalog');
  const rejected = await rejectionsOf(db, events);
  const byItem = new Map<string, StoredEvent[]>();
  for (const e of events) byItem.set(e.aggregateId, [...(byItem.get(e.aggregateId) ?? []), e]);
  const ids = new Set([...docs.map((d) => d.id), ...byItem.keys()]);
  const rows = [...ids].flatMap((id) => {
    const row = catalogRow(
      docs.find((d) => d.id === id),
      byItem.get(id) ?? [],
      rejected,
    );
    return row ? [row] : [];
  });
  // In the catalog's own order of categories, then by name as a clerk would look it up.
  const order = (row: CatalogRow) => SERVICE_CATEGORIES.indexOf(row.item.category);
  return rows.sort((a, b) => order(a) - order(b) || a.item.name.localeCompare(b.item.name, 'zh-CN'));
}

/** One item, for the editor and the review of its draft. */
export async function catalogItemForAdmin(db: DeskDb, itemId: string): Promise<CatalogRow | undefined> {
  const doc = (await db.refs.get(['serviceItem', itemId]))?.doc as ItemDoc | undefined;
  const events = await adminEvents(db, 'catalog', itemId);
  return catalogRow(doc, events, await rejectionsOf(db, events));
}

/** A year of the calendar as the admin screen shows it. */
export interface CalendarYearView {
  readonly year: number;
  /** The schedule in force: a year confirmed at HQ, else the one bundled with the app. */
  readonly inForce?: CalendarYear;
  readonly source?: 'bundled' | 'hq';
  /** The HQ document's version (proposed or confirmed), when there is one. */
  readonly rev?: number;
  /** A proposal waiting for a second admin (never the confirmed one). */
  readonly pending?: Extract<AdminEvent, { type: 'calendar.yearProposed' }>;
  readonly progress: CalendarYearProgress;
  /** This desk's last calendar edit of the year: submitted, or refused by the server. */
  readonly edit?: EditState;
}

function yearView(
  year: number,
  doc: YearDoc | undefined,
  events: readonly StoredEvent[],
  rejected: ReadonlyMap<string, RejectedRow>,
): CalendarYearView {
  // A refused event never happened for the server, so it does not count here either.
  const accepted = events.filter((e) => !rejected.has(e.eventId)).map((e) => e.event as AdminEvent);
  const progress = calendarYearProgress(accepted);
  const bundled = BUNDLED_CALENDAR_YEARS.find((y) => y.year === year);
  const confirmed = doc?.body.status === 'confirmed' ? doc.body : undefined;
  const inForce = confirmed ?? bundled;
  const pending = progress.latest && !progress.confirmation ? progress.latest : undefined;
  const edit = editState(events, rejected);
  return {
    year,
    progress,
    ...(inForce ? { inForce, source: confirmed ? ('hq' as const) : ('bundled' as const) } : {}),
    ...(doc ? { rev: doc.rev } : {}),
    ...(pending ? { pending } : {}),
    ...(edit ? { edit } : {}),
  };
}

/** Every year the desk knows of (bundled, entered at HQ, or proposed here), newest first. */
export async function listCalendarYears(db: DeskDb): Promise<CalendarYearView[]> {
  const docs = (await db.refs.where('kind').equals('calendarYear').toArray()).map((r) => r.doc as YearDoc);
  const events = await adminEvents(db, 'calendar');
  const rejected = await rejectionsOf(db, events);
  const years = new Set([
    ...BUNDLED_CALENDAR_YEARS.map((y) => y.year),
    ...docs.map((d) => d.body.year),
    ...events.map((e) => Number(e.aggregateId)),
  ]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) =>
      yearView(
        year,
        docs.find((d) => d.body.year === year),
        events.filter((e) => e.aggregateId === calendarAggregateId(year)),
        rejected,
      ),
    );
}

/** One year, for the calendar banner and the proposal review. */
export async function calendarYearView(db: DeskDb, year: number): Promise<CalendarYearView> {
  const id = calendarAggregateId(year);
  const doc = (await db.refs.get(['calendarYear', id]))?.doc as YearDoc | undefined;
  const events = await adminEvents(db, 'calendar', id);
  return yearView(year, doc, events, await rejectionsOf(db, events));
}

/** One version of the settings an admin saved, as the desk's log holds it. */
export interface SettingsVersion {
  readonly rev: number;
  readonly settings: Settings;
  readonly staffId: string;
  /** The saving desk's clock when the admin saved (the server's time is the document's updatedAt). */
  readonly savedAt: string;
  readonly note?: string;
  /** The fields that differ from the version before, when the desk has that one too. */
  readonly changed?: readonly (keyof Settings)[];
}

export interface SettingsAdminView {
  /** The version in force, as the server last sent it (absent on a desk that never synced). */
  readonly doc?: SettingsDoc;
  /** Who saved the version in force, when an admin did (a seeded or imported version has no event). */
  readonly savedBy?: SettingsVersion;
  /** The versions admins saved, newest first. */
  readonly history: readonly SettingsVersion[];
  readonly edit?: EditState;
}

function changedFields(before: Settings, after: Settings): (keyof Settings)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Settings)[]);
  // By value: a setting may be a block of its own (followUp), a new object in every version.
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * The settings with their version history: each settings.saved event the server stored made version baseRev + 1
 * (one it refused was never stored and made none); this desk's own unsent or refused save is its edit state.
 */
export async function settingsForAdmin(db: DeskDb): Promise<SettingsAdminView> {
  const doc = (await db.refs.get(['settings', SETTINGS_ID]))?.doc as SettingsDoc | undefined;
  const events = await adminEvents(db, 'settings', SETTINGS_ID);
  const rejected = await rejectionsOf(db, events);
  const versions = new Map<number, SettingsVersion>();
  for (const { event, serverSeq } of events) {
    if (serverSeq === undefined || event.type !== 'settings.saved') continue;
    const { settings, baseRev, note } = event.payload;
    const rev = (baseRev ?? 0) + 1;
    const before = versions.get(rev - 1)?.settings;
    versions.set(rev, {
      rev,
      settings,
      staffId: event.staffId,
      savedAt: event.occurredAt,
      ...(note ? { note } : {}),
      ...(before ? { changed: changedFields(before, settings) } : {}),
    });
  }
  const history = [...versions.values()].sort((a, b) => b.rev - a.rev);
  const savedBy = doc ? versions.get(doc.rev) : undefined;
  const edit = editState(events, rejected);
  return { ...(doc ? { doc } : {}), ...(savedBy ? { savedBy } : {}), history, ...(edit ? { edit } : {}) };
}
