import { describe, expect, it } from 'vitest';
import {
  GUIDE_FILE_TYPES,
  guideFileSchema,
  serviceItemSchema,
  stepLimitsTotal,
} from '../../../../shared/model/catalog.ts';
import { referenceDocSchema } from '../../../../shared/model/reference.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';

const messages = (value: unknown) =>
  serviceItemSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('the catalog item (chapter 5, art. 15–16)', () => {
  it('art. 16: still reads a catalog stored with steps as plain strings, each as a step without a limit', () => {
    const stored = { ...TECH_CONTRACT_ITEM, procedure: ['网上填报', '窗口提交', '审查认定'] };
    expect(serviceItemSchema.parse(stored).procedure).toEqual([
      { name: '网上填报' },
      { name: '窗口提交' },
      { name: '审查认定' },
    ]);
    const mixed = { ...TECH_CONTRACT_ITEM, procedure: ['网上填报', { name: '审查认定', limitDays: 3 }] };
    expect(serviceItemSchema.parse(mixed).procedure).toEqual([
      { name: '网上填报' },
      { name: '审查认定', limitDays: 3 },
    ]);
  });

  it('art. 16: refuses a blank step, a step limit out of range, and steps that add up to more than the promise', () => {
    expect(messages({ ...TECH_CONTRACT_ITEM, procedure: [''] }).join()).toMatch(/^procedure\.0\.name:/);
    expect(messages({ ...TECH_CONTRACT_ITEM, procedure: [{ name: '审查', limitDays: 0 }] }).join()).toMatch(
      /procedure\.0\.limitDays/,
    );
    expect(messages({ ...TECH_CONTRACT_ITEM, procedure: [{ name: '审查', limitDays: 1.5 }] }).join()).toMatch(
      /procedure\.0\.limitDays/,
    );
    const over = [
      { name: '审查', limitDays: 3 },
      { name: '发证', limitDays: 3 },
    ];
    expect(messages({ ...TECH_CONTRACT_ITEM, promisedLimitDays: 5, procedure: over })).toEqual([
      'procedure:stepLimitsAbovePromised',
    ]);
    expect(messages({ ...TECH_CONTRACT_ITEM, promisedLimitDays: 6, procedure: over })).toEqual([]);
    expect(stepLimitsTotal([{ name: 'a' }, { name: 'b', limitDays: 2 }])).toBe(2);
  });

  it('art. 16: takes an item without a statutory limit, where no law sets one', () => {
    const { statutoryLimitDays: _none, ...rest } = TECH_CONTRACT_ITEM;
    expect(serviceItemSchema.parse({ ...rest, promisedLimitDays: 30 }).statutoryLimitDays).toBeUndefined();
  });

  it('art. 15: refuses a promise longer than the statutory limit where there is one', () => {
    expect(messages({ ...TECH_CONTRACT_ITEM, statutoryLimitDays: 4, promisedLimitDays: 5 })).toEqual([
      'promisedLimitDays:promisedAboveStatutory',
    ]);
  });

  it('item 12: keeps a replaced version only under its own id and version (item-id@rev)', () => {
    const doc = {
      kind: 'serviceItemVersion',
      id: 'tech-contract-registration@2',
      rev: 1,
      hlc: '0001732320000000-0000-01JDESK0000000000000000000',
      updatedAt: '2026-11-23T01:30:00.000Z',
      body: { rev: 2, item: TECH_CONTRACT_ITEM },
    };
    expect(referenceDocSchema.safeParse(doc).success).toBe(true);
    expect(referenceDocSchema.safeParse({ ...doc, id: 'tech-contract-registration@3' }).success).toBe(false);
    expect(referenceDocSchema.safeParse({ ...doc, id: 'other-item@2' }).success).toBe(false);
    expect(referenceDocSchema.safeParse({ ...doc, id: 'tech-contract-registration' }).success).toBe(false);
  });
});

describe('an attached form’s file (issue 16 item 1; art. 23: published on the website)', () => {
  const file = {
    sha256: 'a'.repeat(64),
    mediaType: 'application/pdf',
    bytes: 2048,
    fileName: '技术合同认定登记申请表.pdf',
  };
  const fileIssues = (value: unknown) =>
    guideFileSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

  it('is saved under a plain name with its type’s extension, in any case', () => {
    const names = {
      'application/pdf': '申请表（空白）.pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Form A (2026).DOCX',
      'application/msword': '申请表.doc',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '统计表.xlsx',
      'application/vnd.ms-excel': '统计表.Xls',
    } as const;
    for (const mediaType of GUIDE_FILE_TYPES) {
      expect(fileIssues({ ...file, mediaType, fileName: names[mediaType] }), mediaType).toEqual([]);
    }
  });

  it('refuses a path, a hidden file’s name, and a name its type would not open by', () => {
    for (const fileName of [
      '../申请表.pdf',
      'C:\\表\\申请表.pdf',
      '.pdf',
      '.hidden.pdf',
      'noext',
      '申请表.docx',
      '申请表.pdf.exe',
    ]) {
      const issues = fileIssues({ ...file, fileName });
      expect(issues.length, fileName).toBeGreaterThan(0);
      expect(
        issues.every((i) => i.startsWith('fileName:')),
        fileName,
      ).toBe(true);
    }
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(fileIssues({ ...file, mediaType: xlsx, fileName: '统计表.xls' })).toEqual([
      expect.stringMatching(/^fileName:must end with the extension/),
    ]);
    // A type it does not take is refused as a type, not as a name.
    expect(fileIssues({ ...file, mediaType: 'text/html', fileName: 'a.html' })).toEqual([
      expect.stringMatching(/^mediaType:/),
    ]);
  });
});
