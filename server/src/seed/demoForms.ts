import { createHash } from 'node:crypto';
import type { GuideFile } from '../../../shared/model/catalog.ts';

// 空白表格 (issue 16 item 1) for the demo: one real, small PDF the demo catalog attaches to an item's guide and HQ
// stores in guide_files at the first run, so the public site's form link downloads something. Made here, byte for
// byte the same on every run (same SHA-256): one A4 page in Adobe's standard Chinese font STSong-Light (a PDF
// reader supplies it; nothing embedded; ASCII half-width), the form's title, its fields as ruled rows, and a note where to hand it in.

const A4 = { width: 595, height: 842 };

/** UTF-16BE hex of a text: what a Type0 font with the UniGB-UCS2-H encoding reads (BMP characters only). */
function ucs2(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (code > 0xffff) throw new Error(`not in the BMP: ${c}`);
      return code.toString(16).padStart(4, '0').toUpperCase();
    })
    .join('');
}

const text = (x: number, y: number, size: number, s: string) => `BT /F1 ${size} Tf ${x} ${y} Td <${ucs2(s)}> Tj ET`;
const line = (x1: number, y1: number, x2: number, y2: number) => `${x1} ${y1} m ${x2} ${y2} l S`;

/** A blank form: its title, then one ruled row per field with the field's name on the left. */
function formPage(title: string, fields: readonly string[], note: string): string {
  const left = 60;
  const right = A4.width - 60;
  const labelEnd = 200;
  const top = 740;
  const row = 36;
  const ops = ['0.6 w', text(A4.width / 2 - title.length * 10, 780, 20, title)];
  fields.forEach((field, i) => {
    const y = top - i * row;
    ops.push(line(left, y, right, y), text(left + 8, y - 23, 12, field));
  });
  const bottom = top - fields.length * row;
  ops.push(line(left, bottom, right, bottom), line(left, top, left, bottom), line(right, top, right, bottom));
  ops.push(line(labelEnd, top, labelEnd, bottom), text(left, bottom - 30, 10, note));
  return ops.join('\n');
}

/** A whole PDF file of one page whose content stream is `content`, with cross-reference table. */
function pdfOf(title: string, content: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Title <FEFF${ucs2(title)}> /Producer (FirstDesk demo) >>`,
  ];
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 8 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function demoForm(fileName: string, title: string, fields: readonly string[], note: string) {
  const content = pdfOf(title, formPage(title, fields, note));
  const file: GuideFile = {
    sha256: createHash('sha256').update(content).digest('hex'),
    mediaType: 'application/pdf',
    bytes: content.length,
    fileName,
  };
  return { file, content };
}

/** 科技成果登记表（空白）: for 科技成果登记 (its material 'registration-form'). */
export const ACHIEVEMENT_FORM = demoForm(
  '科技成果登记表（空白）.pdf',
  '科技成果登记表',
  [
    '成果名称',
    '第一完成单位',
    '第一完成人',
    '成果类别',
    '成果评价方式',
    '知识产权情况',
    '应用行业',
    '成果简介',
    '完成单位意见（盖章）',
    '登记机构意见',
  ],
  '在科技成果登记系统填报后打印，加盖完成单位公章，交南阳市市民服务中心3楼C区12号窗口。',
);

/** Every file the demo catalog attaches, for HQ's guide_files at the first run. */
export const DEMO_FORM_FILES = [ACHIEVEMENT_FORM] as const;
