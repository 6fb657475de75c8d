import type { SlipContent, SlipMaterialRow } from '../../model/slip.ts';
import type { WorkingCalendar } from '../calendar.ts';
import type { CaseState } from '../case.ts';
import {
  composeSlipContent,
  copiesText,
  fill,
  numberedSections,
  paperStrings,
  type CatalogVersion,
  type SlipIssue,
} from './paper.ts';

/**
 * Working days the applicant has to supplement, counted from the day after the notice. The regulation sets no
 * figure; this is the bureau's practice and can be given per notice.
 */
export const DEFAULT_SUPPLEMENT_WORKING_DAYS = 10;

export interface SupplementOptions {
  readonly calendar: WorkingCalendar;
  readonly supplementDays?: number;
}

// art. 10–11 补正材料通知书: incomplete or non-conforming materials are listed ONCE and exactly — each material the
// case asked to supplement, what is wrong with it and what is required — with the date asked for, and the promise
// that nothing beyond this list will be asked (一次性告知). It claims no legal effect of a late supplement: neither
// the regulation nor the item's legal basis gives one (no 视为撤回申请).
export function composeSupplementNotice(
  issue: SlipIssue,
  catalog: CatalogVersion,
  state: CaseState,
  { calendar, supplementDays = DEFAULT_SUPPLEMENT_WORKING_DAYS }: SupplementOptions,
): SlipContent {
  if (!state.supplement) throw new Error(`case ${state.caseId} has no supplement request to notify`);
  const strings = paperStrings(issue.lang ?? 'zh-CN');
  const words = strings.supplement;
  const { item } = catalog;
  const rows = state.supplement.materialIds.map((id): SlipMaterialRow => {
    const material = item.materials.find((m) => m.id === id);
    const check = state.checks[id];
    const problem =
      check?.state === 'nonConforming' ? fill(words.nonConforming, { note: check.note ?? '' }) : words.missing;
    return {
      name: material?.name ?? id,
      requirement: '',
      copies: material ? copiesText(strings, material) : '',
      format: [material?.format, material?.notes].filter(Boolean).join(strings.listSeparator),
      notes: [problem],
    };
  });
  const deadline = calendar.addWorkingDays(state.supplement.requestedOn, supplementDays);
  const deadlineText =
    fill(words.deadlineValue, { date: deadline.date, days: supplementDays }) +
    (deadline.provisional ? words.provisional : '');
  return composeSlipContent('supplementNotice', words.title, issue, catalog, {
    intro: fill(words.intro, { date: state.receivedOn, item: item.name }),
    sections: numberedSections(strings, [
      [words.heading, [{ type: 'materials', columns: { ...words.columns }, rows }]],
      [
        words.deadlineHeading,
        [
          {
            type: 'fields',
            fields: [
              { label: words.deadline, value: deadlineText },
              { label: words.submitAt, value: item.submitAt },
            ],
          },
          { type: 'notice', text: words.onlyOnce },
        ],
      ],
    ]),
    closing: [words.closing],
  });
}
