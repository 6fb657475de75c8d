import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Traceability (issue 12): docs/REGULATION.md has one row per article of the regulation (1–33) saying what the
// software does for it and which tests prove it. This test keeps the table honest: every article is there once,
// with a known status; an article the software implements cites at least one test; and every cited test exists —
// the file, and the title piece in a test's or describe block's title (not in a comment or an assertion).

const ROOT = join(import.meta.dirname, '../..');
const ARTICLES = 33;
const STATUS_RE = /^(done|partial|general|conduct only|not yet \(issue \d+\))$/;
/** Statuses that claim the software does something: they must cite a test. */
const NEEDS_TESTS = new Set(['done', 'partial']);
/** A test, test.each, describe or describe.each call opening on this line. */
const TEST_CALL_RE = /\b(it|test|describe)(\.each\(.*?\))?\(/;

interface Citation {
  readonly file: string;
  readonly title: string;
}

interface Row {
  readonly article: number;
  readonly status: string;
  readonly tests: readonly Citation[];
}

/** The rows of the table whose first cell is an article number; problems with a row's shape are reported. */
function readTable(markdown: string): { rows: Row[]; problems: string[] } {
  const rows: Row[] = [];
  const problems: string[] = [];
  for (const line of markdown.split('\n')) {
    if (!/^\|\s*\d+\s*\|/.test(line)) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const article = Number(cells[0]);
    if (cells.length !== 6) {
      problems.push(`art. ${article}: ${cells.length} columns, expected 6`);
      continue;
    }
    const tests: Citation[] = [];
    for (const entry of cells[5]!.split('<br>').map((e) => e.trim().replace(/^`|`$/g, ''))) {
      if (entry === '—' || entry === '') continue;
      const [file, title, ...rest] = entry.split(' › ');
      if (!file || !title || rest.length) problems.push(`art. ${article}: "${entry}" is not "file › title"`);
      else tests.push({ file, title });
    }
    rows.push({ article, status: cells[2]!, tests });
  }
  return { rows, problems };
}

/**
 * Whether the title piece stands in a test's title: after the call that opens it on the same line, or at the start
 * of the line after a call that prettier broke after its opening parenthesis.
 */
function inTestTitle(source: string, title: string): boolean {
  const lines = source.split('\n');
  return lines.some((line, i) => {
    const at = line.indexOf(title);
    if (at < 0) return false;
    const call = TEST_CALL_RE.exec(line);
    if (call && call.index < at) return true;
    const before = (lines[i - 1] ?? '').trimEnd();
    return /^\s*['"`]/.test(line) && before.endsWith('(') && TEST_CALL_RE.test(before);
  });
}

/** Everything wrong with the table, against the files under `root`. */
function traceProblems(markdown: string, root: string): string[] {
  const { rows, problems } = readTable(markdown);
  for (let n = 1; n <= ARTICLES; n += 1) {
    const count = rows.filter((r) => r.article === n).length;
    if (count === 0) problems.push(`art. ${n} is missing`);
    if (count > 1) problems.push(`art. ${n} has ${count} rows`);
  }
  for (const row of rows) {
    if (row.article < 1 || row.article > ARTICLES) problems.push(`art. ${row.article} is not in the regulation`);
    if (!STATUS_RE.test(row.status)) problems.push(`art. ${row.article}: unknown status "${row.status}"`);
    if (NEEDS_TESTS.has(row.status) && row.tests.length === 0) {
      problems.push(`art. ${row.article} is ${row.status} but cites no test`);
    }
    for (const { file, title } of row.tests) {
      const path = join(root, file);
      if (!/\.(test|spec)\.tsx?$/.test(file) || !existsSync(path)) {
        problems.push(`art. ${row.article}: no test file ${file}`);
      } else if (!inTestTitle(readFileSync(path, 'utf8'), title)) {
        problems.push(`art. ${row.article}: no test titled "…${title}…" in ${file}`);
      }
    }
  }
  return problems;
}

describe('docs/REGULATION.md traces every article to what proves it', () => {
  it('has all 33 articles, each with a known status, and every test it cites exists', () => {
    const markdown = readFileSync(join(ROOT, 'docs/REGULATION.md'), 'utf8');
    expect(traceProblems(markdown, ROOT)).toEqual([]);
    expect(readTable(markdown).rows.map((r) => r.article)).toEqual(Array.from({ length: ARTICLES }, (_, i) => i + 1));
  });
});

describe('the traceability check itself', () => {
  const header = '| art. | gist | status | what | where | tests |\n| --- | --- | --- | --- | --- | --- |\n';
  const row = (n: number, status: string, tests = '—') => `| ${n} | 要旨 | ${status} | does | here | ${tests} |\n`;
  const self = 'tests/unit/regulation.test.ts';
  /** Every article conduct only, except the rows given. */
  const table = (rows: Record<number, string>) =>
    header + Array.from({ length: ARTICLES }, (_, i) => rows[i + 1] ?? row(i + 1, 'conduct only')).join('');

  it('accepts a complete table whose citations exist', () => {
    const cited = `\`${self} › has all 33 articles\`<br>\`${self} › the traceability check\``;
    expect(traceProblems(table({ 7: row(7, 'done', cited), 14: row(14, 'not yet (issue 14)') }), ROOT)).toEqual([]);
  });

  it('fails when an article is missing, doubled or out of range', () => {
    const missing = table({}).replace(row(12, 'conduct only'), '');
    expect(traceProblems(missing, ROOT)).toEqual(['art. 12 is missing']);
    const doubled = table({ 3: row(3, 'general') + row(3, 'general') });
    expect(traceProblems(doubled, ROOT)).toEqual(['art. 3 has 2 rows']);
    expect(traceProblems(table({}) + row(34, 'general'), ROOT)).toEqual(['art. 34 is not in the regulation']);
  });

  it('fails when an implemented article cites no test, or a status is unknown', () => {
    expect(traceProblems(table({ 5: row(5, 'partial') }), ROOT)).toEqual(['art. 5 is partial but cites no test']);
    expect(traceProblems(table({ 5: row(5, 'not yet') }), ROOT)).toEqual(['art. 5: unknown status "not yet"']);
  });

  it('fails when a cited test file does not exist', () => {
    const cited = row(7, 'done', '`tests/unit/shared/nowhere.test.ts › makes the highest-ranked`');
    expect(traceProblems(table({ 7: cited }), ROOT)).toEqual([
      'art. 7: no test file tests/unit/shared/nowhere.test.ts',
    ]);
    const notATest = row(7, 'done', '`shared/rules/contact.ts › firstInquiryResponsible`');
    expect(traceProblems(table({ 7: notATest }), ROOT)).toEqual(['art. 7: no test file shared/rules/contact.ts']);
  });

  it('fails when a cited title is not in the file, or only in a comment or an assertion', () => {
    const absent = row(7, 'done', `\`${self} › a title nobody wrote\``);
    expect(traceProblems(table({ 7: absent }), ROOT)).toEqual([
      `art. 7: no test titled "…a title nobody wrote…" in ${self}`,
    ]);
    // This very phrase is in this file only outside any test title: in the comment at its top.
    const inComment = row(7, 'done', `\`${self} › keeps the table honest\``);
    expect(traceProblems(table({ 7: inComment }), ROOT)).toEqual([
      `art. 7: no test titled "…keeps the table honest…" in ${self}`,
    ]);
  });

  it('fails on a citation that is not "file › title"', () => {
    expect(traceProblems(table({ 7: row(7, 'done', `\`${self}\``) }), ROOT)).toEqual([
      `art. 7: "${self}" is not "file › title"`,
      'art. 7 is done but cites no test',
    ]);
  });
});
