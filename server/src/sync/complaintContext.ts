import type { CalendarYear } from '../../../shared/model/calendar.ts';
import type { ComplaintEvent } from '../../../shared/model/complaintEvents.ts';
import { DEFAULT_COMPLAINT_SETTINGS, type ReferenceDoc, type Staff } from '../../../shared/model/reference.ts';
import { buildWorkingCalendar } from '../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../shared/rules/calendarData.ts';
import { foldComplaint, type ComplaintFlag, type ComplaintFoldContext } from '../../../shared/rules/complaint.ts';
import type { ComplaintErrorCode } from '../../../shared/sync/complaintApi.ts';
import type { Db } from '../storage/db.ts';
import { currentReferenceDocs } from '../storage/referenceSnapshot.ts';

// What HQ judges a complaint by: the staff directory (roles, departments, who is active), the working-day
// calendar (the bundled years overlaid by the confirmed ones, as the desks build it) and settings.complaints, all
// from the reference documents as they stand now.

export interface HqComplaintContext extends ComplaintFoldContext {
  readonly staffById: ReadonlyMap<string, Staff>;
  readonly departmentIds: ReadonlySet<string>;
}

// currentReferenceDocs answers the same array while nothing changed: the calendar is built once per change.
const contexts = new WeakMap<readonly ReferenceDoc[], HqComplaintContext>();

export function complaintContextOf(docs: readonly ReferenceDoc[]): HqComplaintContext {
  const cached = contexts.get(docs);
  if (cached) return cached;
  const staffById = new Map<string, Staff>();
  const departmentIds = new Set<string>();
  const years: CalendarYear[] = [];
  let settings = DEFAULT_COMPLAINT_SETTINGS;
  for (const doc of docs) {
    if (doc.kind === 'staff') staffById.set(doc.id, doc.body);
    else if (doc.kind === 'department') departmentIds.add(doc.id);
    else if (doc.kind === 'calendarYear' && doc.body.status === 'confirmed') years.push(doc.body);
    else if (doc.kind === 'settings') settings = doc.body.complaints ?? DEFAULT_COMPLAINT_SETTINGS;
  }
  years.sort((a, b) => a.year - b.year);
  const context: HqComplaintContext = {
    staffById,
    departmentIds,
    staff: (id) => staffById.get(id),
    calendar: buildWorkingCalendar([...BUNDLED_CALENDAR_YEARS, ...years]),
    settings,
  };
  contexts.set(docs, context);
  return context;
}

export async function currentComplaintContext(db: Db): Promise<HqComplaintContext> {
  return complaintContextOf(await currentReferenceDocs(db));
}

/** The fold's flag on a refused act, as the API's error: who may not (403) or what the state does not allow (409). */
export const FLAG_ERRORS: Record<ComplaintFlag['code'], { status: 403 | 409; code: ComplaintErrorCode }> = {
  notAllowed: { status: 403, code: 'not-allowed' },
  recused: { status: 403, code: 'recused' },
  outOfOrder: { status: 409, code: 'out-of-order' },
  conflictingTransition: { status: 409, code: 'conflicting' },
  statementPending: { status: 409, code: 'statement-pending' },
  statementTooShort: { status: 409, code: 'statement-too-short' },
  notAccused: { status: 409, code: 'not-accused' },
  measuresRequired: { status: 409, code: 'measures-required' },
  duplicateReceived: { status: 409, code: 'conflict' },
  eventBeforeReceived: { status: 409, code: 'out-of-order' },
};

/** The code of the first flag the fold raised on `event`, or null when it applied it. */
export function judgeComplaintEvent(
  stored: readonly ComplaintEvent[],
  event: ComplaintEvent,
  context: ComplaintFoldContext,
): ComplaintFlag['code'] | null {
  const state = foldComplaint([...stored, event], context);
  if (!state) return 'eventBeforeReceived';
  return state.flags.find((f) => f.eventIds.includes(event.eventId))?.code ?? null;
}
