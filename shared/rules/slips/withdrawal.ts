import type { SlipContent, SlipField } from '../../model/slip.ts';
import type { CaseState } from '../case.ts';
import {
  composeSlipContent,
  fill,
  numberedSections,
  paperStrings,
  type CatalogVersion,
  type SlipIssue,
} from './paper.ts';

// 撤回申请确认书: the applicant withdrew the application (case.withdrawn). The paper confirms the day and the way it
// was withdrawn and that the applicant may apply again; it claims nothing else (art. 10–11: no slip says what
// neither the regulation nor the item's legal basis says).
export function composeWithdrawalNotice(issue: SlipIssue, catalog: CatalogVersion, state: CaseState): SlipContent {
  const { withdrawal } = state;
  if (!withdrawal || state.status !== 'withdrawn') throw new Error(`case ${state.caseId} has not been withdrawn`);
  const strings = paperStrings(issue.lang ?? 'zh-CN');
  const words = strings.withdrawal;
  const fields: SlipField[] = [
    { label: words.receivedOn, value: state.receivedOn },
    { label: words.withdrawnOn, value: withdrawal.on },
    { label: words.how, value: words.means[withdrawal.how as keyof typeof words.means] ?? withdrawal.how },
    ...(withdrawal.reason ? [{ label: words.reason, value: withdrawal.reason }] : []),
  ];
  return composeSlipContent('withdrawalNotice', words.title, issue, catalog, {
    intro: fill(words.intro, { date: state.receivedOn, item: catalog.item.name }),
    sections: numberedSections(strings, [
      [words.heading, [{ type: 'fields', fields }]],
      [words.againHeading, [{ type: 'paragraph', text: words.again }]],
    ]),
    closing: [],
  });
}
