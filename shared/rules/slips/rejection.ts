import type { SlipBlock, SlipContent } from '../../model/slip.ts';
import type { CaseState } from '../case.ts';
import {
  composeSlipContent,
  fill,
  numberedSections,
  paperStrings,
  type CatalogVersion,
  type SlipIssue,
} from './paper.ts';

/** The competent agency as the directory has it, when the matter is not the bureau's. */
export interface CompetentAgency {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
}

// art. 11 不予受理通知书 (final only when a leader approved it, art. 8(二)): the reason and its legal basis; where the matter is another agency's, which agency and how
// to reach it; and the applicant's remedies (administrative reconsideration or litigation), in the generic words
// that hold whoever the reconsideration body is.
export function composeRejectionNotice(
  issue: SlipIssue,
  catalog: CatalogVersion,
  state: CaseState,
  agency?: CompetentAgency,
): SlipContent {
  // art. 8(二): a rejection is final, and its notice printable, only once a leader approved it.
  if (!state.rejection || state.status !== 'rejected') throw new Error(`case ${state.caseId} has not been rejected`);
  const strings = paperStrings(issue.lang ?? 'zh-CN');
  const words = strings.rejection;
  const agencyBlocks: SlipBlock[] = agency
    ? [
        { type: 'paragraph', text: words.agencyText },
        {
          type: 'fields',
          fields: [
            { label: words.agencyName, value: agency.name },
            { label: words.agencyPhone, value: agency.phone },
            { label: words.agencyAddress, value: agency.address },
          ],
        },
      ]
    : [];
  return composeSlipContent('rejectionNotice', words.title, issue, catalog, {
    // A legacy one-step rejection (case.rejected) names no approving leader: the paper claims none.
    intro: fill(state.rejection.approvedBy ? words.introApproved : words.intro, {
      date: state.receivedOn,
      item: catalog.item.name,
    }),
    sections: numberedSections(strings, [
      [
        words.reasons,
        [
          {
            type: 'fields',
            fields: [
              { label: words.reason, value: state.rejection.reason },
              { label: words.legalBasis, value: state.rejection.legalBasis },
            ],
          },
        ],
      ],
      ...(agency ? [[words.agencyHeading, agencyBlocks] as [string, SlipBlock[]]] : []),
      [words.remediesHeading, [{ type: 'notice', text: words.remedies }]],
    ]),
    closing: [],
  });
}
