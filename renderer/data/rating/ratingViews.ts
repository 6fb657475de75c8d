import type { RatingEvent } from '../../../shared/model/ratingEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { hasAppealDeciderRole } from '../../../shared/rules/followUpPermissions.ts';
import { foldRating, type RatingFoldContext, type RatingState } from '../../../shared/rules/rating.ts';
import type { DeskDb } from '../db.ts';
import { listReference } from '../references.ts';

// 好差评 at the desk: every rating the desk holds (pad, QR via HQ), folded with its appeal and rectification. One
// index read of the whole 'rating' aggregate and two bulk reads for the services per change, folded in memory: a
// bureau's thousands of ratings never cost a query each.

/** A rating as the screens show it: its fold, the person rated and the service the desk holds for it. */
export interface RatingView {
  readonly state: RatingState;
  /** The rated person's department (the directory's), whose work the rectification is. */
  readonly departmentId?: string;
  /** The contact to open for the service, when this desk holds it (a case opens through its contact). */
  readonly contactId?: string;
  readonly matter?: string;
  readonly applicant?: string;
}

/**
 * Who may decide an appeal by role, and who may take a rectification step by department and role, from the
 * directory (the fold flags an act by anyone else).
 */
export function ratingFoldContext(staff: readonly Staff[]): RatingFoldContext {
  const byId = new Map(staff.map((s) => [s.id as string, s]));
  return {
    mayDecideAppeals: (id) => Boolean(byId.get(id) && hasAppealDeciderRole(byId.get(id)!)),
    staffOf: (id) => byId.get(id),
  };
}

/** Groups stored rating events by their key (the service's id, or the slip serial of a QR rating). */
export function groupByKey(events: readonly RatingEvent[]): Map<string, RatingEvent[]> {
  const logs = new Map<string, RatingEvent[]>();
  for (const e of events) {
    const list = logs.get(e.aggregateId);
    if (list) list.push(e);
    else logs.set(e.aggregateId, [e]);
  }
  return logs;
}

/** The folds of these logs (a key whose rating.given has not arrived yet is left out until it does). */
export function foldRatings(logs: ReadonlyMap<string, readonly RatingEvent[]>, context: RatingFoldContext): RatingState[] {
  const out: RatingState[] = [];
  for (const events of logs.values()) {
    const state = foldRating(events, context);
    if (state) out.push(state);
  }
  return out;
}

async function ratingLogs(db: DeskDb, keys?: readonly string[]): Promise<Map<string, RatingEvent[]>> {
  const rows = keys
    ? await db.events
        .where('[aggregate+aggregateId]')
        .anyOf(keys.map((k) => ['rating', k]))
        .toArray()
    : await db.events.where('[aggregate+aggregateId]').between(['rating', ''], ['rating', '\uffff']).toArray();
  return groupByKey(rows.map((r) => r.event as RatingEvent));
}

async function viewsOf(db: DeskDb, states: readonly RatingState[], staff: readonly Staff[]): Promise<RatingView[]> {
  const departmentOf = new Map(staff.map((s) => [s.id as string, s.departmentId as string]));
  const caseIds = states.filter((s) => s.service.kind === 'case').map((s) => s.service.id as string);
  const cases = new Map((await db.cases.bulkGet(caseIds)).flatMap((c) => (c ? [[c.caseId as string, c]] : [])));
  const contactIds = states.map((s) => (s.service.kind === 'case' ? cases.get(s.service.id)?.contactId : s.service.id));
  const wanted = [...new Set(contactIds.filter((id): id is NonNullable<typeof id> => id !== undefined))] as string[];
  const contacts = new Map((await db.contacts.bulkGet(wanted)).flatMap((c) => (c ? [[c.contactId as string, c]] : [])));
  return states.map((state, i) => {
    const c = state.service.kind === 'case' ? cases.get(state.service.id) : undefined;
    const contact = contactIds[i] ? contacts.get(contactIds[i]) : undefined;
    const departmentId = departmentOf.get(state.ratedStaffId);
    const applicant = c?.applicant ?? contact?.visitor.name ?? contact?.visitor.organisation;
    const matter = c?.serviceItemName ?? contact?.matter;
    return {
      state,
      ...(departmentId ? { departmentId } : {}),
      ...(contact ? { contactId: contact.contactId } : {}),
      ...(matter ? { matter } : {}),
      ...(applicant ? { applicant } : {}),
    };
  });
}

/** Every rating this desk holds, newest first. */
export async function readRatingViews(db: DeskDb): Promise<RatingView[]> {
  const [logs, staff] = await Promise.all([ratingLogs(db), listReference(db, 'staff')]);
  // By the instant, not the string: HQ's QR ratings and a desk's may write their times with different offsets.
  const states = foldRatings(logs, ratingFoldContext(staff)).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return viewsOf(db, states, staff);
}

/** One rating by its key (undefined: none here, or its rating.given has not arrived). */
export async function readRatingView(db: DeskDb, key: string): Promise<RatingView | undefined> {
  const [logs, staff] = await Promise.all([ratingLogs(db, [key]), listReference(db, 'staff')]);
  const [state] = foldRatings(logs, ratingFoldContext(staff));
  return state ? (await viewsOf(db, [state], staff))[0] : undefined;
}
