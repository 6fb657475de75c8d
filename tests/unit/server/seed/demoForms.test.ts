import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideFileSchema } from '../../../../shared/model/catalog.ts';
import { ACHIEVEMENT_FORM, DEMO_FORM_FILES } from '../../../../server/src/seed/demoForms.ts';

// The demo's blank form (issue 16 item 1, 空白表格): a real PDF a reader opens and a person can read, named by the
// SHA-256 of its bytes, within the limits of an uploaded form — checked with poppler, as the slips' PDFs are.

describe('the demo catalog’s blank form', () => {
  it('is a valid guide file named by the hash of its bytes, the same on every run', () => {
    for (const { file, content } of DEMO_FORM_FILES) {
      expect(guideFileSchema.parse(file)).toEqual(file);
      expect(file.sha256).toBe(createHash('sha256').update(content).digest('hex'));
      expect(file.bytes).toBe(content.length);
      expect(content.subarray(0, 5).toString('latin1')).toBe('%PDF-'); // the magic bytes HQ checks on upload
      expect(content.length).toBeLessThan(8 * 1024);
    }
  });

  it('opens as one A4 page whose text reads 科技成果登记表 and its fields (pdfinfo, pdftotext)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firstdesk-form-'));
    try {
      const path = join(dir, 'form.pdf');
      writeFileSync(path, ACHIEVEMENT_FORM.content);
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1/);
      expect(info).toMatch(/Page size:\s+595 x 842 pts \(A4\)/);
      expect(info).toMatch(/Title:\s+科技成果登记表/);
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const words of ['科技成果登记表', '成果名称', '第一完成单位', '登记机构意见', '12号窗口']) {
        expect(text).toContain(words);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
