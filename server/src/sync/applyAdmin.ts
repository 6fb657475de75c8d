import type { AdminEvent } from '../../../shared/model/adminEvents.ts';
import { calendarYearSchema, canonicalCalendarDays } from '../../../shared/model/calendar.ts';
import { catalogVersionId } from '../../../shared/model/catalog.ts';
import type { DeskEvent } from '../../../shared/model/events.ts';
import { SETTINGS_ID } from '../../../shared/model/reference.ts';
import { calendarAggregateId, calendarYearProgress } from '../../../shared/rules/calendarAdmin.ts';
import { catalogItemProgress, guideGaps } from '../../../shared/rules/catalogPublication.ts';
import type { Rejection, RejectionCode } from '../../../shared/sync/protocol.ts';
import { UnreadableDocError, type AdminStore } from '../storage/adminStore.ts';
import type { Directory } from './authorize.ts';
import { describeIssues } from './ingest.ts';

// Administrators change the catalog and the working-day calendar by events (offline-safe and audited); the
// server turns each accepted one into the next version of the authoritative reference document, in the same
// transaction that stores the event, and every desk pulls that version. An event that cannot be applied is
// refused and not stored, so the log never holds an edit that did not happen. A catalog edit is a draft, stored as
// an event only, until a second administrator publishes it (art. 20–23, issue 16); a calendar year likewise takes
// effect when a second administrator confirms it.

export interface AdminApplyContext {
  readonly store: AdminStore;
  readonly directory: Directory;
  /** When the server received the push (ISO): the new version's updatedAt. */
  readonly receivedAt: string;
  /** Events of the same push admitted before this one (not yet visible in the store). */
  readonly earlier: readonly DeskEvent[];
  readonly log: { info(details: object, message: string): void };
}

type Of<T extends AdminEvent['type']> = Extract<AdminEvent, { type: T }>;

function refuse(event: DeskEvent, code: RejectionCode, message: string): Rejection {
  return { eventId: event.eventId, deviceSeq: event.deviceSeq, code, message };
}

function isAdminEvent(event: DeskEvent): event is AdminEvent {
  return event.aggregate === 'catalog' || event.aggregate === 'calendar' || event.aggregate === 'settings';
}

/** null when the event is not an admin event, or was applied; otherwise why it is refused. */
export async function applyAdminEvent(event: DeskEvent, ctx: AdminApplyContext): Promise<Rejection | null> {
  if (!isAdminEvent(event)) return null;
  const actor = ctx.directory.staff.get(event.staffId);
  if (!actor?.active || !actor.roles.includes('admin')) {
    return refuse(
      event,
      'not-authorised',
      `only an active administrator may change the catalog, the calendar or the settings; ${event.staffId} is not one`,
    );
  }
  try {
    switch (event.type) {
      case 'catalog.itemSaved':
        return await saveDraft(event, ctx);
      case 'catalog.itemPublished':
        return await publishItem(event, ctx);
      case 'calendar.yearProposed':
        return await proposeYear(event, ctx);
      case 'calendar.yearConfirmed':
        return await confirmYear(event, ctx);
      case 'settings.saved':
        return await saveSettings(event, ctx);
    }
  } catch (err) {
    // The stored version was written by an older server under looser rules and today's schema cannot read it: the
    // edit is refused on its own (nothing was written yet) instead of failing this desk's every push (issue 10).
    if (!(err instanceof UnreadableDocError)) throw err;
    return refuse(event, 'stale-edit', err.message);
  }
}

function wrongItem(event: DeskEvent, itemId: string): Rejection | null {
  if (event.aggregateId === itemId) return null;
  return refuse(
    event,
    'invalid-event',
    `a catalog event belongs to its item: aggregateId ${event.aggregateId} ≠ ${itemId}`,
  );
}

// Art. 15–16 and chapter 5 (art. 20–23): the published catalog and its limits. An administrator's edit is a DRAFT
// (issue 16 item 2): checked as an edit, stored as an event only, and nothing in force changes until a second
// administrator publishes it (publishItem). `baseRev` is the published version the admin edited, so an edit made on
// a version someone else has replaced meanwhile is refused instead of silently overwriting theirs.
async function saveDraft(event: Of<'catalog.itemSaved'>, ctx: AdminApplyContext): Promise<Rejection | null> {
  const { item, baseRev } = event.payload;
  const misfiled = wrongItem(event, item.id);
  if (misfiled) return misfiled;
  // Who approved a version and when is HQ's record of the approval, never a desk's say.
  if (item.publication) {
    return refuse(
      event,
      'invalid-event',
      'a draft carries no publication: HQ dates and signs a version when a second administrator approves it',
    );
  }
  if (!ctx.directory.departmentIds.has(item.departmentId)) {
    return refuse(event, 'unknown-reference', `department '${item.departmentId}' is not in the directory`);
  }
  const current = await ctx.store.current('serviceItem', item.id);
  if (baseRev === null && current) {
    return refuse(
      event,
      'stale-edit',
      `an item with the id ${item.id} already exists (version ${current.rev}); open it and edit it instead`,
    );
  }
  if (baseRev !== null && !current) {
    return refuse(event, 'unknown-reference', `there is no item ${item.id} to edit`);
  }
  if (current && baseRev !== current.rev) {
    return refuse(
      event,
      'stale-edit',
      `the item changed since you opened it (now version ${current.rev}); reopen it and redo your edit`,
    );
  }
  return null;
}

// Art. 20–23 (issue 16 item 2): publishing is a decision a second administrator takes on the newest draft. The
// version in force is archived (the cases opened under it print their slips from it, issue 12; the public site
// keeps showing it as an earlier version) and the draft becomes the next version, frozen and dated by HQ.
async function publishItem(event: Of<'catalog.itemPublished'>, ctx: AdminApplyContext): Promise<Rejection | null> {
  const { itemId, draftEventId } = event.payload;
  const misfiled = wrongItem(event, itemId);
  if (misfiled) return misfiled;
  const history = [
    ...(await ctx.store.eventsOf('catalog', itemId)),
    ...ctx.earlier.filter((e) => e.aggregate === 'catalog' && e.aggregateId === itemId),
  ].filter(isAdminEvent);
  const draft = history.find(
    (e): e is Of<'catalog.itemSaved'> => e.type === 'catalog.itemSaved' && e.eventId === draftEventId,
  );
  if (!draft) return refuse(event, 'unknown-reference', `${draftEventId} is not a draft of the item ${itemId}`);
  if (draft.staffId === event.staffId) {
    return refuse(
      event,
      'not-authorised',
      `a second person must approve the publication of ${itemId}: ${event.staffId} drafted it`,
    );
  }
  const progress = catalogItemProgress(history);
  // Already published: a second approval of it is refused, so the audit log holds one approval per version (art. 20–23:
  // who approved a commitment is on record once). A desk retrying the SAME event after a lost ack never reaches here:
  // an eventId already stored is a replay, answered as a duplicate before any event is applied (storage/events.ts).
  if (progress.published?.payload.draftEventId === draftEventId) {
    const current = await ctx.store.current('serviceItem', itemId);
    const rev = current?.body.publication?.draftEventId === draftEventId ? ` as version ${current.rev}` : '';
    return refuse(
      event,
      'stale-edit',
      `the draft ${draftEventId} of ${itemId} is already published${rev} (approved by ${progress.published.staffId}); nothing to approve`,
    );
  }
  if (progress.latestDraft?.eventId !== draftEventId) {
    return refuse(
      event,
      'stale-edit',
      progress.supersededDraftIds.has(draftEventId)
        ? `a newer draft of ${itemId} replaced the one you approved; review and approve that one`
        : `the draft ${draftEventId} of ${itemId} is no longer pending; review the newest draft`,
    );
  }
  const item = draft.payload.item;
  const current = await ctx.store.current('serviceItem', itemId);
  if ((current?.rev ?? null) !== draft.payload.baseRev) {
    return refuse(
      event,
      'stale-edit',
      current
        ? `the item changed since this draft was made (now version ${current.rev}); the draft must be redone on it`
        : `the item ${itemId} the draft edits is no longer at HQ`,
    );
  }
  const gaps = guideGaps(item);
  if (gaps.length > 0) {
    return refuse(event, 'invalid-event', `the guide lacks what publication requires: ${gaps.join(', ')}`);
  }
  for (const form of item.forms ?? []) {
    const held = await ctx.store.guideFile(form.file.sha256);
    if (!held) {
      return refuse(
        event,
        'unknown-reference',
        `the file of the form '${form.name}' (${form.file.sha256}) has not been uploaded to HQ; upload it and approve again`,
      );
    }
    // The guide states the type, size and name a visitor downloads: HQ's record of the bytes, not a desk's claim, so
    // the public page can never name another file than the one its link serves.
    if (
      held.mediaType !== form.file.mediaType ||
      held.bytes !== form.file.bytes ||
      held.fileName !== form.file.fileName
    ) {
      return refuse(
        event,
        'invalid-event',
        `the form '${form.name}' describes its file as '${form.file.fileName}', ${form.file.mediaType}, ${form.file.bytes} bytes; HQ holds '${held.fileName}', ${held.mediaType}, ${held.bytes} bytes`,
      );
    }
  }
  if (!ctx.directory.departmentIds.has(item.departmentId)) {
    return refuse(event, 'unknown-reference', `department '${item.departmentId}' is not in the directory`);
  }
  const rev = (current?.rev ?? 0) + 1;
  // The version replaced stays readable by every desk and on the public site (issue 12, issue 16 item 2).
  if (current) {
    await ctx.store.put({
      kind: 'serviceItemVersion',
      id: catalogVersionId(itemId, current.rev),
      rev: 1,
      hlc: current.hlc,
      updatedAt: ctx.receivedAt,
      body: { rev: current.rev, item: current.body },
    });
  }
  const publication = {
    publishedAt: ctx.receivedAt,
    draftEventId,
    draftedBy: draft.staffId,
    approvedBy: event.staffId,
  };
  await ctx.store.put({
    kind: 'serviceItem',
    id: itemId,
    rev,
    hlc: event.hlc,
    updatedAt: ctx.receivedAt,
    body: { ...item, publication },
  });
  ctx.log.info(
    { itemId, rev, draftEventId, draftedBy: draft.staffId, approvedBy: event.staffId, forms: item.forms?.length ?? 0 },
    `service item published: ${itemId} version ${rev}`,
  );
  return null;
}

// The bureau's settings (hotlines, idle lock, art. 12 answer limit, nightly sync): one document, versioned like a
// catalog item, the base version checked the same way. The bureau code is the prefix of every slip serial number
// already printed, so an edit never changes it (the HQ operator sets it when the bureau is set up).
async function saveSettings(event: Of<'settings.saved'>, ctx: AdminApplyContext): Promise<Rejection | null> {
  const { settings, baseRev } = event.payload;
  if (event.aggregateId !== SETTINGS_ID) {
    return refuse(
      event,
      'invalid-event',
      `the settings are one document: aggregateId ${event.aggregateId} ≠ ${SETTINGS_ID}`,
    );
  }
  const current = await ctx.store.current('settings', SETTINGS_ID);
  if (baseRev === null && current) {
    return refuse(event, 'stale-edit', `the settings already exist (version ${current.rev}); open them and edit them`);
  }
  if (baseRev !== null && !current) return refuse(event, 'unknown-reference', 'there are no settings to edit yet');
  if (current && baseRev !== current.rev) {
    return refuse(
      event,
      'stale-edit',
      `the settings changed since you opened them (now version ${current.rev}); reopen them and redo your edit`,
    );
  }
  if (current && settings.bureauCode !== current.body.bureauCode) {
    return refuse(
      event,
      'invalid-event',
      `the bureau code prefixes every slip serial number and is not edited here (${current.body.bureauCode} ≠ ${settings.bureauCode})`,
    );
  }
  const rev = (current?.rev ?? 0) + 1;
  await ctx.store.put({
    kind: 'settings',
    id: SETTINGS_ID,
    rev,
    hlc: event.hlc,
    updatedAt: ctx.receivedAt,
    body: settings,
  });
  ctx.log.info({ rev, staffId: event.staffId }, 'bureau settings changed');
  return null;
}

function wrongYear(event: DeskEvent, year: number): Rejection | null {
  if (event.aggregateId === calendarAggregateId(year)) return null;
  return refuse(
    event,
    'invalid-event',
    `a calendar event belongs to its year: aggregateId ${event.aggregateId} ≠ ${year}`,
  );
}

// A proposal never displaces a confirmed schedule: when the year has one, the amendment waits as an event
// until a second admin confirms it; otherwise it becomes the year's 'proposed' document, so every desk sees
// that the year is being entered (a proposed year still counts as unpublished).
async function proposeYear(event: Of<'calendar.yearProposed'>, ctx: AdminApplyContext): Promise<Rejection | null> {
  const { year, noticeNumber, days } = event.payload;
  const misfiled = wrongYear(event, year);
  if (misfiled) return misfiled;
  const body = calendarYearSchema.safeParse({ year, noticeNumber, days, status: 'proposed', enteredBy: event.staffId });
  if (!body.success) return refuse(event, 'invalid-event', describeIssues(body.error));
  const id = calendarAggregateId(year);
  const current = await ctx.store.current('calendarYear', id);
  if (current?.body.status === 'confirmed') return null;
  const doc = { ...body.data, days: canonicalCalendarDays(year, body.data.days) };
  await ctx.store.put({
    kind: 'calendarYear',
    id,
    rev: (current?.rev ?? 0) + 1,
    hlc: event.hlc,
    updatedAt: ctx.receivedAt,
    body: doc,
  });
  return null;
}

// DOMAIN "Working days and deadlines": a schedule takes effect only when a second person confirms it, and only
// the newest proposal of the year can be confirmed.
async function confirmYear(event: Of<'calendar.yearConfirmed'>, ctx: AdminApplyContext): Promise<Rejection | null> {
  const { year, proposalEventId } = event.payload;
  const misfiled = wrongYear(event, year);
  if (misfiled) return misfiled;
  const id = calendarAggregateId(year);
  const history = [
    ...(await ctx.store.eventsOf('calendar', id)),
    ...ctx.earlier.filter((e) => e.aggregate === 'calendar' && e.aggregateId === id),
  ];
  const progress = calendarYearProgress(history.filter(isAdminEvent));
  const { latest } = progress;
  if (!latest || latest.eventId !== proposalEventId) {
    return progress.supersededIds.has(proposalEventId)
      ? refuse(
          event,
          'stale-edit',
          `a newer proposal for ${year} replaced the one you confirmed; review and confirm that one`,
        )
      : refuse(event, 'unknown-reference', `${proposalEventId} is not a proposal for the ${year} calendar`);
  }
  if (latest.staffId === event.staffId) {
    return refuse(
      event,
      'not-authorised',
      `a second person must confirm the ${year} calendar: ${event.staffId} entered it`,
    );
  }
  if (progress.confirmation) return null; // already confirmed by another admin: nothing changes
  const body = calendarYearSchema.safeParse({
    year,
    noticeNumber: latest.payload.noticeNumber,
    days: canonicalCalendarDays(year, latest.payload.days),
    status: 'confirmed',
    enteredBy: latest.staffId,
    confirmedBy: event.staffId,
  });
  if (!body.success) return refuse(event, 'invalid-event', describeIssues(body.error));
  const current = await ctx.store.current('calendarYear', id);
  await ctx.store.put({
    kind: 'calendarYear',
    id,
    rev: (current?.rev ?? 0) + 1,
    hlc: event.hlc,
    updatedAt: ctx.receivedAt,
    body: body.data,
  });
  // Open deadlines that run into this year are recomputed by every desk when it pulls the new version.
  ctx.log.info(
    {
      year,
      noticeNumber: body.data.noticeNumber,
      days: body.data.days.length,
      enteredBy: latest.staffId,
      confirmedBy: event.staffId,
      rev: (current?.rev ?? 0) + 1,
    },
    `working-day calendar changed: ${year} confirmed`,
  );
  return null;
}
