import { renderToStaticMarkup } from 'react-dom/server';
import type {
  ReportAnswer,
  ReportFigure,
  ReportGroup,
  ReportSeries,
  ReportWarning,
} from '../../../shared/sync/reportApi.ts';
import { sumFigure, type ChartNames } from '../../features/reports/charts/chartOptions.ts';
import { escapeHtml } from '../escape.ts';
import { SLIP_CSP } from '../renderSlip.tsx';
import { chartSvgs, type ChartSvg } from './chartSvg.ts';
import { reportCss } from './reportCss.ts';
import {
  figureWord,
  fill,
  reportKind,
  reportLang,
  reportWords,
  warningPrintWords,
  type ReportKind,
  type ReportPrintWords,
} from './words.ts';

// The monthly supervision report (督查月报, issue 15, art. 4) as one self-contained A4 HTML document — inline CSS,
// the charts as inline SVG, no script, no request, under the slips' own CSP — which the preview frame shows, the
// browser's print frame prints and Electron prints and archives as PDF: the slips' one print path.

/** The figures printed, by section; a figure the answer lacks (complaints before they land) is left out. */
export const PRINTED_SECTIONS: readonly {
  section: keyof ReportPrintWords['report']['sections'];
  keys: string[];
}[] = [
  {
    section: 'contacts',
    keys: ['contacts.total', 'contacts.undisposedAtDayEnd', 'transfers.acceptedInTime', 'transfers.returned'],
  },
  {
    section: 'cases',
    keys: [
      'cases.received',
      'cases.onTime',
      'cases.overdueNow',
      'cases.everOverdue',
      'cases.extended',
      'cases.resultNotifiedInTime',
      'escalations.answeredInTime',
    ],
  },
  {
    section: 'ratings',
    keys: [
      'ratings.goodRate',
      'ratings.unratedRate',
      'ratings.badFollowedUpRate',
      'ratings.rectifiedRate',
      'complaints.received',
      'complaints.founded',
      'complaints.withMeasures',
    ],
  },
];

/** Figures that are plain counts (their denominator is the same facts): printed as one number. */
const COUNTS = new Set<string>(['contacts.total', 'cases.received', 'complaints.received']);

/** Figures per table, so a row of "分子/分母 + 比率" cells fits A4's width. */
const FIGURES_PER_TABLE = 4;

const LEVEL_ORDER: Record<ReportWarning['level'], number> = { red: 0, yellow: 1, warning: 2 };

export interface MonthlyReportInput {
  readonly answer: ReportAnswer;
  /** The charts' series; without it the report prints without charts. */
  readonly series?: ReportSeries | undefined;
  readonly names: ChartNames;
  /** The bureau's name (settings.bureauName). */
  readonly bureauName: string;
  readonly lang: string;
}

/** "2026-12-02T07:30:12.000Z" → "2026-12-02 15:30" (Beijing time, UTC+8 all year). */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function percentText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function sumOf(groups: readonly ReportGroup[], key: string): ReportFigure {
  const sum = sumFigure(groups, key);
  return { ...sum, rate: sum.denominator > 0 ? sum.numerator / sum.denominator : null };
}

function Cell({ figureKey, figure }: { figureKey: string; figure: ReportFigure | undefined }) {
  if (!figure) return <td className="num">—</td>;
  if (COUNTS.has(figureKey)) return <td className="num">{figure.numerator}</td>;
  return (
    <td className="num">
      <span className="frac">
        {figure.numerator}/{figure.denominator}
      </span>
      <span className="rate">{percentText(figure.rate)}</span>
    </td>
  );
}

interface Row {
  readonly label: string;
  readonly figures: Record<string, ReportFigure | undefined>;
  readonly total?: boolean;
}

function FigureTable({
  head,
  keys,
  rows,
  words,
}: {
  head: string;
  keys: readonly string[];
  rows: readonly Row[];
  words: ReportPrintWords;
}) {
  return (
    <table className="figures">
      <colgroup>
        <col style={{ width: '28%' }} />
        {keys.map((k) => (
          <col key={k} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>{head}</th>
          {keys.map((k) => (
            <th key={k}>{figureWord(words, k)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i} className={row.total ? 'total' : undefined}>
            <th scope="row">{row.label}</th>
            {keys.map((k) => (
              <Cell key={k} figureKey={k} figure={row.figures[k]} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function Figures({ answer, names, words }: { answer: ReportAnswer; names: ChartNames; words: ReportPrintWords }) {
  const label = (g: ReportGroup) =>
    answer.groupBy === 'bureau'
      ? words.report.bureau
      : answer.groupBy === 'department'
        ? nameOr(names.department(g.group), words.report.unknownDepartment, g.group)
        : nameOr(names.staff(g.group), words.report.unknownPerson, g.group);
  const rows: Row[] = answer.groups
    .map((g) => ({ label: label(g), figures: g.figures }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  if (answer.groups.length > 1) {
    const keys = new Set(answer.groups.flatMap((g) => Object.keys(g.figures)));
    rows.push({
      label: words.report.total,
      figures: Object.fromEntries([...keys].map((k) => [k, sumOf(answer.groups, k)])),
      total: true,
    });
  }
  const present = (k: string) => answer.groups.some((g) => g.figures[k] !== undefined);
  const sections = PRINTED_SECTIONS.map((s) => ({ ...s, keys: s.keys.filter(present) })).filter((s) => s.keys.length);
  if (sections.length === 0) return <p>{words.report.noFigures}</p>;
  const head = words.report.groupHead[answer.groupBy];
  return (
    <>
      <p className="legend">{words.report.cellLegend}</p>
      {sections.map((s) => (
        <section key={s.section}>
          <h3>{words.report.sections[s.section]}</h3>
          {chunks(s.keys, FIGURES_PER_TABLE).map((keys) => (
            <FigureTable key={keys.join()} head={head} keys={keys} rows={rows} words={words} />
          ))}
        </section>
      ))}
    </>
  );
}

/** A name from the directory, or the words for someone it does not know ('-', or an id it cannot name). */
function nameOr(name: string, unknown: string, id: string): string {
  return id === '-' || name.trim() === '' ? unknown : name;
}

function Warnings({
  warnings,
  names,
  words,
  lang,
}: {
  warnings: readonly ReportWarning[];
  names: ChartNames;
  words: ReportPrintWords;
  lang: string;
}) {
  const w = words.report;
  if (warnings.length === 0) return <p>{w.noWarnings}</p>;
  const count = (level: ReportWarning['level']) => warnings.filter((x) => x.level === level).length;
  const sorted = [...warnings].sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.day.localeCompare(b.day) ||
      a.departmentId.localeCompare(b.departmentId) ||
      a.factId.localeCompare(b.factId),
  );
  const say = warningPrintWords(lang);
  return (
    <>
      <p className="summary">
        {fill(w.warningSummary, { red: count('red'), yellow: count('yellow'), warning: count('warning') })}
      </p>
      <table className="warnings">
        <colgroup>
          <col className="level-col" />
          <col />
          <col className="article" />
          <col className="person" />
          <col />
          <col className="day" />
          <col className="days" />
        </colgroup>
        <thead>
          <tr>
            <th>{w.column.level}</th>
            <th>{w.column.duty}</th>
            <th>{w.column.article}</th>
            <th>{w.column.person}</th>
            <th>{w.column.department}</th>
            <th>{w.column.day}</th>
            <th>{w.column.days}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((x) => {
            const said = say(x);
            return (
              <tr key={x.factId}>
                <td>
                  <span className={`level level-${x.level}`}>{said.level}</span>
                </td>
                <td>
                  {said.duty}
                  <span className="rule">{said.rule}</span>
                </td>
                <td>
                  {/* 第十八条 | 第（一）项: a narrow column breaks between the article and its item, not inside. */}
                  {said.article.split(/(?<=条)/).map((part, i) => (
                    <span key={i} className="nobr">
                      {part}
                    </span>
                  ))}
                </td>
                <td>{nameOr(names.staff(x.staffId), w.unknownPerson, x.staffId)}</td>
                <td>{nameOr(names.department(x.departmentId), w.unknownDepartment, x.departmentId)}</td>
                <td className="day">{x.day}</td>
                <td className="days">{said.days}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function Charts({ charts }: { charts: readonly ChartSvg[] }) {
  return (
    <>
      {charts.map((c) => (
        <figure key={c.kind} className="chart" aria-label={c.title} dangerouslySetInnerHTML={{ __html: c.svg }} />
      ))}
    </>
  );
}

function MonthlyReport({
  input,
  charts,
  words,
}: {
  input: MonthlyReportInput;
  charts: readonly ChartSvg[];
  words: ReportPrintWords;
}) {
  const { answer, names } = input;
  const w = words.report;
  const { freshness, period } = answer;
  const pending = Math.max(0, freshness.latestSeq - freshness.projectedSeq);
  const kind = reportKind(period);
  return (
    <article className="sheet">
      <p className="bureau">{input.bureauName}</p>
      <h1>{w.title[kind]}</h1>
      <div className="meta">
        <p>
          {fill(kind === 'day' ? w.periodDay : w.period, period)}
          {'　'}
          {w.groupBy[answer.groupBy]}
        </p>
        <p>{fill(w.computed, { at: beijingTime(freshness.computedAt), today: freshness.today })}</p>
        <p>{pending > 0 ? fill(w.pending, { n: pending }) : w.current}</p>
      </div>
      <p className="basis">{w.basis}</p>
      <section>
        <h2>{w.figures}</h2>
        <Figures answer={answer} names={names} words={words} />
      </section>
      {charts.length > 0 && (
        <section>
          <h2>{w.charts}</h2>
          <Charts charts={charts} />
        </section>
      )}
      <section>
        <h2>{w.warnings}</h2>
        <Warnings warnings={answer.warnings} names={names} words={words} lang={input.lang} />
      </section>
    </article>
  );
}

/** The report as one HTML document, in the language asked for (zh-CN by default), titled by its period. */
export function renderMonthlyReportHtml(input: MonthlyReportInput): string {
  const words = reportWords(input.lang);
  const lang = reportLang(input.lang);
  const { from, to } = input.answer.period;
  const kind = reportKind(input.answer.period);
  const charts = input.series ? chartSvgs({ series: input.series, names: input.names, words }) : [];
  const range = kind === 'day' ? from : fill(words.report.range, { from, to });
  const footer = fill(words.report.footer, { bureau: input.bureauName, title: words.report.title[kind], range });
  const css = reportCss(footer, words.report.page);
  // Every word in the CSS went through cssString; a `<` here could only close the style element early.
  if (css.includes('<')) throw new Error('report CSS holds markup');
  const body = renderToStaticMarkup(<MonthlyReport input={input} charts={charts} words={words} />);
  const title = `${input.bureauName} ${words.report.title[kind]} ${kind === 'day' ? from : `${from}–${to}`}`;
  // The policy first in <head>: a meta CSP governs only what is parsed after it.
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(SLIP_CSP)}">` +
    `<title>${escapeHtml(title)}</title><style>${css}</style></head><body>${body}</body></html>`
  );
}

/** The archive name's word for a period that is not a calendar month. */
const ARCHIVE_KIND: Record<Exclude<ReportKind, 'month'>, string> = {
  day: 'day',
  week: 'week',
  quarter: 'quarter',
  year: 'year',
  custom: 'range',
};

/**
 * The archived PDF's name (userData/reports/<name>.pdf): a calendar month as its month, any other period as its
 * exact range and what it is (day, week, quarter, year, range), then the grouping and the moment computed — each
 * print kept, never overwritten by a later one. It begins with the year and month, as the print path requires.
 */
export function reportArchiveName(answer: ReportAnswer): string {
  const { from, to } = answer.period;
  const kind = reportKind(answer.period);
  const stamp = answer.freshness.computedAt.replace(/[^0-9TZ]/g, '').slice(0, 20);
  const what = kind === 'month' ? [from.slice(0, 7)] : [`${from}_${to}`, ARCHIVE_KIND[kind]];
  return [...what, answer.groupBy, stamp].join('-');
}
