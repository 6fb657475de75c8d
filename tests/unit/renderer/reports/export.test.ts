import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDrill, ReportWarning } from '../../../../shared/sync/reportApi.ts';
import { BOM, guardFormula, toCsv } from '../../../../renderer/features/reports/export/csv.ts';
import { drillTable, figuresTable, warningsTable } from '../../../../renderer/features/reports/export/reportTables.ts';
import { exportFileName, type ExportTable } from '../../../../renderer/features/reports/export/table.ts';
import { sheetName, toXlsx } from '../../../../renderer/features/reports/export/xlsx.ts';
import { NAMES, novemberAnswer, reportWords } from './i18nHarness.ts';

// Any table of the supervision screen to CSV (Excel on a Chinese Windows opens it: BOM, RFC 4180) and to .xlsx
// (numbers as numbers, rates as percentages, Chinese sheet names, bold frozen header), each read back here.

let zh: TFunction;
let exists: (key: string) => boolean;
beforeAll(async () => ({ zh, exists } = await reportWords()));
const words = () => ({ t: zh, exists, language: 'zh-CN', names: NAMES });

const ANSWER = novemberAnswer([
  {
    group: 'dept-hitech',
    figures: {
      'cases.onTime': { numerator: 3, denominator: 4, rate: 0.75 },
      'transfers.workingDaysToAccept': { numerator: 5, denominator: 4, rate: 1.25, median: 1 },
    },
  },
  {
    group: 'dept-office',
    figures: {
      'cases.onTime': { numerator: 0, denominator: 0, rate: null },
      'transfers.workingDaysToAccept': { numerator: 0, denominator: 0, rate: null, median: null },
    },
  },
]);

const RED: ReportWarning = {
  level: 'red',
  rule: 'lateBeyond',
  code: 'transferLate',
  article: 'art. 8(3)',
  factId: 'ct1:transferLate',
  recordId: 'ct1',
  staffId: 'chen-jing',
  departmentId: 'dept-hitech',
  day: '2026-10-02',
  days: 40,
};

async function readBack(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}

describe('CSV', () => {
  it('starts with a BOM, quotes by RFC 4180 and ends lines CRLF', () => {
    const table: ExportTable = {
      title: 't',
      columns: [
        { header: '名称', kind: 'text' },
        { header: '数', kind: 'count' },
      ],
      rows: [
        ['高新科, 二组', 3],
        ['说"好"', 0],
        ['两行\n文字', null],
      ],
    };
    const csv = toCsv(table);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['名称,数', '"高新科, 二组",3', '"说""好""",0', '"两行\n文字",', '']);
  });

  it('guards a text cell that a spreadsheet would run as a formula, but leaves numbers alone', () => {
    for (const bad of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1']) {
      expect(guardFormula(bad)).toBe(`'${bad}`);
    }
    expect(guardFormula('陈静')).toBe('陈静');
    const csv = toCsv({
      title: 't',
      columns: [
        { header: 'a', kind: 'text' },
        { header: 'n', kind: 'number' },
      ],
      rows: [['=1+1', -2]],
    });
    expect(csv.slice(1).split('\r\n')[1]).toBe("'=1+1,-2");
  });

  it('writes the figures with their numerator, denominator and rate, and 0 of 0 with no rate', () => {
    const lines = toCsv(figuresTable(ANSWER, words())).slice(1).split('\r\n');
    expect(lines[0]).toBe('板块,指标,按科室,分子,分母,比率,平均（工作日）,中位数（工作日）');
    expect(lines).toContain('办件,按时办结率,高新技术发展及产业化科,3,4,75.0%,,');
    expect(lines).toContain('办件,按时办结率,办公室,0,0,,,');
    expect(lines).toContain('转办,承接用时（工作日）,高新技术发展及产业化科,5,4,,1.25,1');
  });

  it('writes a count alone (登记总数 is n of n), and no 当日未处置 while a day of the period is not over', () => {
    const figures = {
      'contacts.total': { numerator: 4, denominator: 4, rate: 1 },
      'contacts.undisposedAtDayEnd': { numerator: 0, denominator: 4, rate: 0 },
    };
    const past = toCsv(figuresTable(novemberAnswer([{ group: 'dept-hitech', figures }]), words()));
    expect(past).toContain('接待登记,登记总数,高新技术发展及产业化科,4,,,,');
    expect(past).toContain('接待登记,当日未处置,高新技术发展及产业化科,0,4,0.0%,,');
    const holdingToday = {
      ...novemberAnswer([{ group: 'dept-hitech', figures }]),
      period: { from: '2026-12-01', to: '2026-12-31' },
    };
    expect(toCsv(figuresTable(holdingToday, words()))).toContain('接待登记,当日未处置,高新技术发展及产业化科,,,,,');
  });

  it('names the file after the table and the period, with nothing a file system refuses', () => {
    expect(exportFileName('督查指标', '2026-11-01', '2026-11-30', 'xlsx')).toBe('督查指标_2026-11-01_2026-11-30.xlsx');
    expect(exportFileName('a/b: c', '2026-11-01', '2026-11-30', 'csv')).toBe('a_b_c_2026-11-01_2026-11-30.csv');
  });
});

describe('.xlsx', () => {
  it('holds the figures as numbers and rates as percentages, under a Chinese sheet name, header bold and frozen', async () => {
    const workbook = await readBack(await toXlsx([figuresTable(ANSWER, words())]));
    const sheet = workbook.getWorksheet('督查指标')!;
    expect(sheet).toBeDefined();
    expect(sheet.getRow(1).getCell(2).value).toBe('指标');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const onTime = rows.find((r) => r[2] === '按时办结率' && r[3] === '高新技术发展及产业化科')!;
    expect(onTime.slice(4, 7)).toEqual([3, 4, 0.75]);
    const rateCell = sheet.getRow(rows.indexOf(onTime) + 2).getCell(6);
    expect(rateCell.numFmt).toBe('0.0%');
    expect(typeof rateCell.value).toBe('number');
    expect(sheet.rowCount).toBe(1 + 4);
  });

  it('holds the warning list with its level in words and the days as a number', async () => {
    const workbook = await readBack(await toXlsx([warningsTable([RED], words())]));
    const sheet = workbook.getWorksheet('预警与红黄牌')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '红牌',
      '转办未在次一工作日内承接',
      '超期超过黄牌上限',
      '第八条第（三）项',
      '陈静',
      '高新技术发展及产业化科',
      undefined,
      undefined,
      '2026-10-02',
      40,
      'ct1',
    ]);
    expect(sheet.getRow(1).values).toContain('超期起始日');
  });

  it('puts a 预警 due day and days left in their own columns, apart from a card’s late days', () => {
    const due: ReportWarning = {
      ...RED,
      level: 'warning',
      rule: 'dueSoon',
      code: 'caseDue',
      day: '2026-12-04',
      days: 1,
    };
    const [header, warning, red] = toCsv(warningsTable([due, RED], words()))
      .slice(1)
      .split('\r\n');
    expect(header).toBe('级别,事项,依据的规则,条款,人员,科室,到期日,剩余工作日,超期起始日,超期工作日,记录编号');
    expect(warning).toMatch(/^预警,.*,2026-12-04,1,,,ct1$/);
    expect(red).toMatch(/^红牌,.*,,,2026-10-02,40,ct1$/);
  });

  it('keeps sheet names within Excel’s rules and unique, and guards formula text there too', async () => {
    const taken = new Set<string>();
    const first = sheetName('按时办结率 [高新科]: 明细/第1页', taken);
    expect(first).toBe('按时办结率  高新科   明细 第1页');
    expect(first.length).toBeLessThanOrEqual(31);
    taken.add(first.toLowerCase());
    expect(sheetName('按时办结率 [高新科]: 明细/第1页', taken)).toBe('按时办结率  高新科   明细 第1页 (2)');
    expect(sheetName('x'.repeat(40), new Set()).length).toBe(31);

    const drill: ReportDrill = {
      key: 'cases.onTime',
      group: 'dept-hitech',
      total: 2,
      offset: 0,
      facts: [
        {
          kind: 'case',
          id: 'c1',
          recordId: 'c1',
          day: '2026-11-03',
          departmentId: 'dept-hitech',
          staffId: 'liu-yang',
          ending: 'completed',
          onTime: true,
        },
        {
          kind: 'case',
          id: 'c2',
          recordId: '=cmd',
          day: '2026-11-04',
          departmentId: 'dept-hitech',
          staffId: 'liu-yang',
          onTime: true,
        },
      ],
    };
    const workbook = await readBack(await toXlsx([drillTable(drill, '按时办结率', words())]));
    const sheet = workbook.getWorksheet('按时办结率')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '2026-11-03',
      '刘洋',
      '高新技术发展及产业化科',
      '已办结；按时办结',
      'c1',
    ]);
    expect(sheet.getRow(3).getCell(5).value).toBe("'=cmd");
  });
});
