import type { SlipContent } from '../../model/slip.ts';
import type { CaseState } from '../case.ts';
import {
  composeSlipContent,
  fill,
  numberedSections,
  paperStrings,
  type CatalogVersion,
  type SlipIssue,
} from './paper.ts';

// 办件终结告知书: a case that was never accepted has ended (case.closed) — e.g. the supplement never came. The
// paper gives the reason and the clerk's note and says the applicant may apply again. It claims no legal effect
// (no 视为撤回申请: neither the regulation nor the item's legal basis has one), and it is not a 不予受理 decision.
export function composeClosureNotice(issue: SlipIssue, catalog: CatalogVersion, state: CaseState): SlipContent {
  const { closure } = state;
  if (!closure || state.status !== 'closed') throw new Error(`case ${state.caseId} has not been closed`);
  const strings = paperStrings(issue.lang ?? 'zh-CN');
  const words = strings.closure;
  const reason = words.reasons[closure.reason as keyof typeof words.reasons] ?? closure.reason;
  return composeSlipContent('closureNotice', words.title, issue, catalog, {
    intro: fill(words.intro, { date: state.receivedOn, item: catalog.item.name, on: closure.on }),
    sections: numberedSections(strings, [
      [
        words.heading,
        [
          {
            type: 'fields',
            fields: [
              { label: words.reason, value: reason },
              { label: words.note, value: closure.note },
            ],
          },
        ],
      ],
      [words.againHeading, [{ type: 'paragraph', text: words.again }]],
    ]),
    closing: [],
  });
}
