import type { SlipBlock, SlipContent, SlipField } from '../../model/slip.ts';
import type { WorkingCalendar } from '../calendar.ts';
import { caseClock, type CaseState } from '../case.ts';
import { caseDeadline } from '../deadline.ts';
import {
  composeSlipContent,
  copiesText,
  excludedPeriods,
  fill,
  fillCount,
  numberedSections,
  paperStrings,
  type CatalogVersion,
  type SlipIssue,
} from './paper.ts';

export interface AcceptanceOptions {
  readonly calendar: WorkingCalendar;
  /** Who handles the case, and their phone (or their department's). */
  readonly handler: { readonly name: string; readonly phone: string };
}

// art. 11, 14–16 受理通知书: the materials received, the day of acceptance, the promised completion date counted in
// statutory working days from the day after (rules/deadline.ts on the working-day calendar), the handler, and the
// periods that do not count. The statutory limit is printed only where a law sets one (art. 16); a deemed
// acceptance says that it is one instead of claiming the materials were found complete — citing 行政许可法 §32
// only for an administrative licence (the catalog version's flag), for any other item as the bureau's own rule.
export function composeAcceptanceReceipt(
  issue: SlipIssue,
  catalog: CatalogVersion,
  state: CaseState,
  { calendar, handler }: AcceptanceOptions,
): SlipContent {
  const clock = caseClock(state, calendar, issue.issuedOn);
  if (!state.acceptance || !clock) throw new Error(`case ${state.caseId} has not been accepted`);
  const strings = paperStrings(issue.lang ?? 'zh-CN');
  const words = strings.acceptance;
  // §32: recorded as deemed, or the clock runs from receipt because the supplement notice came too late.
  const deemed = state.acceptance.deemed === true || clock.acceptedOn !== state.acceptance.acceptedOn;
  const { item } = catalog;
  const received = item.materials
    .filter((m) => state.checks[m.id]?.state === 'received')
    .map((m) => fill(words.receivedItem, { name: m.name, copies: copiesText(strings, m) }));
  // The due date as it stands on the day of issue (an open pause moves it day by day; see rules/deadline.ts).
  const due = caseDeadline(clock, calendar, issue.issuedOn);
  // Only the extensions that count (art. 17: requested and approved in time) — the clock's own.
  const extendedDays = clock.extensions.reduce((sum, e) => sum + e.days, 0);
  const dates: SlipField[] = [
    { label: words.acceptedOn, value: clock.acceptedOn },
    {
      label: words.promised,
      value:
        state.acceptance.statutoryLimitDays === undefined
          ? fillCount(words, 'promisedValueNoStatutory', state.acceptance.promisedLimitDays, {
              days: state.acceptance.promisedLimitDays,
            })
          : fillCount(words, 'promisedValue', state.acceptance.promisedLimitDays, {
              days: state.acceptance.promisedLimitDays,
              statutory: state.acceptance.statutoryLimitDays,
            }),
    },
    ...(extendedDays > 0
      ? [{ label: words.extended, value: fillCount(words, 'extendedValue', extendedDays, { days: extendedDays }) }]
      : []),
    { label: words.dueDate, value: due.dueDate + (due.provisional ? words.provisional : '') },
    { label: words.handler, value: handler.name },
    { label: words.handlerPhone, value: handler.phone },
  ];
  const pauses = state.pauses.map((p) =>
    fill(p.to ? words.pause : words.pauseOpen, {
      reason: words.pauseReasons[p.reason],
      from: p.from,
      to: p.to ?? '',
      note: p.note,
    }),
  );
  const pauseBlocks: SlipBlock[] = [
    { type: 'paragraph', text: fill(words.pausesNote, { excluded: excludedPeriods(strings, item) }) },
    ...(pauses.length ? [{ type: 'list' as const, ordered: false, items: pauses }] : []),
  ];
  return composeSlipContent('acceptanceReceipt', words.title, issue, catalog, {
    intro: fill(deemed ? (item.administrativeLicence ? words.introDeemed : words.introDeemedBureau) : words.intro, {
      date: state.receivedOn,
      item: item.name,
    }),
    sections: numberedSections(strings, [
      ...(received.length ? [receivedSection(words.received, received)] : []),
      [words.dates, [{ type: 'fields', fields: dates }]],
      [words.pausesHeading, pauseBlocks],
    ]),
    closing: [words.closing],
  });
}

function receivedSection(heading: string, items: string[]): [string, SlipBlock[]] {
  return [heading, [{ type: 'list', ordered: true, items }]];
}
