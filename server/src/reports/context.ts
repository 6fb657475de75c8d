import type { CalendarYear } from '../../../shared/model/calendar.ts';
import { catalogVersionId } from '../../../shared/model/catalog.ts';
import type { ReferenceDoc, Settings, Staff } from '../../../shared/model/reference.ts';
import { buildWorkingCalendar } from '../../../shared/rules/calendar.ts';
import { BUNDLED_CALENDAR_YEARS } from '../../../shared/rules/calendarData.ts';
import type { ProcedureStepLimit } from '../../../shared/rules/caseTimeliness.ts';
import type { FoldContext } from '../../../shared/rules/contact.ts';
import { hasAppealDeciderRole } from '../../../shared/rules/followUpPermissions.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { RatingFoldContext } from '../../../shared/rules/rating.ts';
import type { ComplaintFoldContext } from '../../../shared/rules/complaint.ts';
import type { FactContext } from '../../../shared/rules/reports/facts.ts';
import { complaintContextOf } from '../sync/complaintContext.ts';

// What the projection derives facts under, from the reference documents as they stand: the calendar (bundled years
// overlaid by the confirmed ones, as the desks build it), staff → department, the settings, the catalog's steps per
// version, and the folds' own contexts as the desks give them (renderer/data/projections.ts, rating/ratingViews.ts),
// so HQ's facts describe what the desks show.

export interface ReportContext {
  readonly facts: FactContext;
  readonly fold: FoldContext;
  readonly rating: RatingFoldContext;
  /** As HQ judges complaint acts (sync/complaintContext.ts). */
  readonly complaint: ComplaintFoldContext;
}

export function reportContextOf(docs: readonly ReferenceDoc[], today: IsoDate): ReportContext {
  const staffById = new Map<string, Staff>();
  const years: CalendarYear[] = [];
  const steps = new Map<string, ProcedureStepLimit[]>();
  let settings: Settings | undefined;
  for (const doc of docs) {
    if (doc.kind === 'staff') staffById.set(doc.id, doc.body);
    else if (doc.kind === 'calendarYear' && doc.body.status === 'confirmed') years.push(doc.body);
    else if (doc.kind === 'settings') settings = doc.body;
    else if (doc.kind === 'serviceItem') steps.set(catalogVersionId(doc.id, doc.rev), doc.body.procedure);
    else if (doc.kind === 'serviceItemVersion') steps.set(doc.id, doc.body.item.procedure);
  }
  years.sort((a, b) => a.year - b.year);
  const calendar = buildWorkingCalendar([...BUNDLED_CALENDAR_YEARS, ...years]);
  const isLeader = (id: string) => staffById.get(id)?.roles.includes('leader') ?? false;
  return {
    facts: {
      calendar,
      today,
      departmentOf: (id) => staffById.get(id)?.departmentId,
      ...(settings ? { settings } : {}),
      stepsOf: (itemId, rev) => steps.get(catalogVersionId(itemId, rev)),
    },
    fold: { isLeader },
    complaint: complaintContextOf(docs),
    rating: {
      mayDecideAppeals: (id) => Boolean(staffById.get(id) && hasAppealDeciderRole(staffById.get(id)!)),
      staffOf: (id) => staffById.get(id),
    },
  };
}
