import type { SlipContent, SlipMaterialRow } from '../../model/slip.ts';
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

// art. 10–11 补正材料通知书: incomplete or non-conforming materials are listed ONCE and exactly — each material the
// case asked to supplement, what is wrong with it and what is required — where to hand them in, and the promise
// that nothing beyond this list will be asked (一次性告知). It prints no date to supplement by: neither the
// regulation nor an item's legal basis sets one, and any date on an official notice reads as a deadline with a
// consequence (the application lapsing) that nobody gave it — the same reason it says nothing like 视为撤回申请.
// A case whose supplement never comes is closed on its own record (closureNotice), which says the applicant may
// apply again.
export function composeSupplementNotice(issue: SlipIssue, catalog: CatalogVersion, state: CaseState): SlipContent {
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
  return composeSlipContent('supplementNotice', words.title, issue, catalog, {
    intro: fill(words.intro, { date: state.receivedOn, item: item.name }),
    sections: numberedSections(strings, [
      [words.heading, [{ type: 'materials', columns: { ...words.columns }, rows }]],
      [
        words.submitHeading,
        [
          { type: 'fields', fields: [{ label: words.submitAt, value: item.submitAt }] },
          { type: 'paragraph', text: words.whenReady },
          { type: 'notice', text: words.onlyOnce },
        ],
      ],
    ]),
    closing: [words.closing],
  });
}
