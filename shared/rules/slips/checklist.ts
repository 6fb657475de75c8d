import type { SlipContent } from '../../model/slip.ts';
import {
  composeSlipContent,
  fill,
  materialRow,
  numberedSections,
  paperStrings,
  type CatalogVersion,
  type SlipIssue,
} from './paper.ts';

// art. 10 一次性告知单: on a first application the applicant is told everything at once, in writing — the legal
// basis, the conditions, EVERY material (originals, copies, form, notes), the procedure, the fees (saying so when
// there are none), the promised and statutory limits in working days, and where to apply — and signs a stub the
// desk keeps, so the bureau can prove what it told.
export function composeChecklist(issue: SlipIssue, catalog: CatalogVersion): SlipContent {
  const strings = paperStrings(issue.lang ?? 'zh-CN');
  const words = strings.checklist;
  const { item } = catalog;
  const fee = item.fee.kind === 'free' ? words.free : fill(words.charged, item.fee);
  return composeSlipContent('checklist', words.title, issue, catalog, {
    intro: fill(words.intro, { item: item.name }),
    sections: numberedSections(strings, [
      [words.legalBasis, [{ type: 'paragraph', text: item.legalBasis }]],
      [words.conditions, [{ type: 'list', ordered: true, items: [...item.conditions] }]],
      [
        words.materials,
        [
          {
            type: 'materials',
            columns: { ...strings.materials },
            rows: item.materials.map((m) => materialRow(strings, m)),
          },
        ],
      ],
      [words.procedure, [{ type: 'list', ordered: true, items: [...item.procedure] }]],
      [
        words.feeAndLimits,
        [
          {
            type: 'fields',
            fields: [
              { label: words.fee, value: fee },
              { label: words.promised, value: fill(words.promisedValue, { days: item.promisedLimitDays }) },
              { label: words.statutory, value: fill(words.statutoryValue, { days: item.statutoryLimitDays }) },
              { label: words.submitAt, value: item.submitAt },
            ],
          },
          { type: 'paragraph', text: words.limitsNote },
        ],
      ],
    ]),
    closing: [words.closing],
  });
}
