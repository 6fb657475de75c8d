import type { ProcedureStep, ServiceItem } from '../../model/catalog.ts';
import type { SlipContent, SlipField } from '../../model/slip.ts';
import {
  composeSlipContent,
  copiesText,
  excludedPeriods,
  fill,
  materialRow,
  numbered,
  numberedSections,
  paperStrings,
  type CatalogVersion,
  type PaperStrings,
  type SlipIssue,
  type SlipLanguage,
} from './paper.ts';

// art. 10 一次性告知单: on a first application the applicant is told everything at once, in writing — the legal
// basis, the conditions, EVERY material (originals, copies, form, notes), the procedure with each step's limit
// (art. 16 环节时限), the fees (saying so when there are none), the promised limit and the statutory one where a
// law sets one, and where to apply — and signs a stub the desk keeps, so the bureau can prove what it told.
export function composeChecklist(issue: SlipIssue, catalog: CatalogVersion): SlipContent {
  const strings = paperStrings(issue.lang ?? 'zh-CN');
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
      [words.procedure, [{ type: 'list', ordered: true, items: item.procedure.map((s) => stepText(strings, s)) }]],
      [
        words.feeAndLimits,
        [
          {
            type: 'fields',
            fields: [
              { label: words.fee, value: feeText(strings, item) },
              { label: words.promised, value: fill(words.promisedValue, { days: item.promisedLimitDays }) },
              statutoryField(strings, item),
              { label: words.submitAt, value: item.submitAt },
            ],
          },
          { type: 'paragraph', text: fill(words.limitsNote, { excluded: excludedPeriods(strings, item) }) },
        ],
      ],
    ]),
    closing: [words.closing],
  });
}

/**
 * art. 16: where no law sets a limit, the slip says so — the promised limit has its own row above, so it is not
 * repeated here — and never prints a made-up one.
 */
function statutoryField(strings: PaperStrings, item: ServiceItem): SlipField {
  const words = strings.checklist;
  return item.statutoryLimitDays === undefined
    ? { label: words.statutory, value: words.statutoryNone }
    : { label: words.statutory, value: fill(words.statutoryValue, { days: item.statutoryLimitDays }) };
}

function stepText(strings: PaperStrings, step: ProcedureStep): string {
  return step.limitDays === undefined
    ? step.name
    : fill(strings.checklist.stepWithLimit, { name: step.name, days: step.limitDays });
}

function feeText(strings: PaperStrings, item: ServiceItem): string {
  return item.fee.kind === 'free' ? strings.checklist.free : fill(strings.checklist.charged, item.fee);
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
  const limits =
    item.statutoryLimitDays === undefined
      ? fill(words.promisedOnly, { days: item.promisedLimitDays })
      : fill(words.promised, { days: item.promisedLimitDays, statutory: item.statutoryLimitDays });
  const lines = [
    fill(words.header, { bureau: settings.bureauName, item: item.name, rev }),
    heading(0, words.legalBasis),
    item.legalBasis,
    heading(1, words.conditions),
    ...item.conditions.map((c, i) => fill(words.step, { no: i + 1, step: c })),
    heading(2, words.materials),
    ...materials,
    heading(3, words.procedure),
    ...item.procedure.map((s, i) => fill(words.step, { no: i + 1, step: stepText(strings, s) })),
    heading(4, words.limits),
    limits,
    fill(words.limitsNote, { excluded: excludedPeriods(strings, item) }),
    fill(words.fee, { fee: feeText(strings, item) }),
    fill(words.submitAt, { place: item.submitAt }),
    fill(words.phones, {
      consult: item.consultPhone || settings.consultPhone,
      complaint: item.complaintPhone || settings.complaintPhone,
    }),
    words.footer,
  ];
  return lines.join('\n');
}
