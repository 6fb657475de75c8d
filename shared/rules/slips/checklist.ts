import type { ServiceItem } from '../../model/catalog.ts';
import type { SlipContent } from '../../model/slip.ts';
import {
  feeText,
  hoursText,
  limitsNoteText,
  phonesOf,
  placeText,
  procedureStepText,
  promisedLimitText,
  statutoryLimitText,
} from '../guide/compose.ts';
import {
  composeSlipContent,
  copiesText,
  fill,
  materialRow,
  numbered,
  numberedSections,
  paperStrings,
  type CatalogVersion,
  type SlipIssue,
  type SlipLanguage,
} from './paper.ts';

// art. 10 一次性告知单: on a first application the applicant is told everything at once, in writing — the legal
// basis, the conditions, EVERY material (originals, copies, form, notes), the procedure with each step's limit
// (art. 16 环节时限), the fees (saying so when there are none), the promised limit and the statutory one where a
// law sets one, and where to apply — and signs a stub the desk keeps, so the bureau can prove what it told.
// Fee, limits, place and hours are worded by the guide's own text functions (shared/rules/guide/compose.ts), so the
// checklist, the public guide and the 明白纸 of one version say the same (art. 20–23, issue 16 item 5).
export function composeChecklist(issue: SlipIssue, catalog: CatalogVersion): SlipContent {
  const lang = issue.lang ?? 'zh-CN';
  const strings = paperStrings(lang);
  const words = strings.checklist;
  const { item } = catalog;
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
      [
        words.procedure,
        [{ type: 'list', ordered: true, items: item.procedure.map((s) => procedureStepText(s, lang)) }],
      ],
      [
        words.feeAndLimits,
        [
          {
            type: 'fields',
            fields: [
              { label: words.fee, value: feeText(item, lang) },
              { label: words.promised, value: promisedLimitText(item, lang) },
              // art. 16: where no law sets a limit the slip says so, and never prints a made-up one.
              { label: words.statutory, value: statutoryLimitText(item, lang) },
              { label: words.submitAt, value: placeText(item, lang) },
              ...hoursField(words.hours, item, lang),
            ],
          },
          { type: 'paragraph', text: limitsNoteText(item, lang) },
        ],
      ],
    ]),
    closing: [words.closing],
  });
}

function hoursField(label: string, item: ServiceItem, lang: SlipLanguage) {
  const hours = hoursText(item, lang);
  return hours === undefined ? [] : [{ label, value: hours }];
}

export interface ChecklistTextSettings {
  readonly bureauName: string;
  readonly consultPhone: string;
  readonly complaintPhone: string;
}

/**
 * art. 10 at first inquiry: the same checklist as plain text a clerk can paste into an SMS, WeChat or e-mail — no
 * markup, one line per entry, the catalog version named so the bureau can later show exactly what was told.
 */
export function checklistText(
  item: ServiceItem,
  rev: number,
  settings: ChecklistTextSettings,
  lang: SlipLanguage = 'zh-CN',
): string {
  const strings = paperStrings(lang);
  const words = strings.checklistText;
  const heading = (i: number, text: string) => numbered(strings, i, text);
  const materials = item.materials.flatMap((m, i) => {
    const row = materialRow(strings, m);
    const line = fill(words.material, {
      no: i + 1,
      name: m.name,
      requirement: row.requirement,
      copies: copiesText(strings, m),
      format: m.format,
    });
    return row.notes.length
      ? [line, fill(words.materialNotes, { notes: row.notes.join(strings.listSeparator) })]
      : [line];
  });
  const hours = hoursText(item, lang);
  const phones = phonesOf(item, settings);
  const lines = [
    fill(words.header, { bureau: settings.bureauName, item: item.name, rev }),
    heading(0, words.legalBasis),
    item.legalBasis,
    heading(1, words.conditions),
    ...item.conditions.map((c, i) => fill(words.step, { no: i + 1, step: c })),
    heading(2, words.materials),
    ...materials,
    heading(3, words.procedure),
    ...item.procedure.map((s, i) => fill(words.step, { no: i + 1, step: procedureStepText(s, lang) })),
    heading(4, words.limits),
    fill(words.promised, { promised: promisedLimitText(item, lang), statutory: statutoryLimitText(item, lang) }),
    limitsNoteText(item, lang),
    fill(words.fee, { fee: feeText(item, lang) }),
    fill(words.submitAt, { place: placeText(item, lang) }),
    ...(hours === undefined ? [] : [fill(words.hours, { hours })]),
    fill(words.phones, phones),
    words.footer,
  ];
  return lines.join('\n');
}
