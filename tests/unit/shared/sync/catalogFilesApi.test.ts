import { describe, expect, it } from 'vitest';
import { GUIDE_FILE_TYPES } from '../../../../shared/model/catalog.ts';
import {
  CATALOG_FILE_ROUTE,
  CATALOG_FILES_PATH,
  catalogFilePath,
  decodeFileName,
  encodeFileName,
  isGuideFileType,
  matchesFileType,
} from '../../../../shared/sync/catalogFilesApi.ts';
import { attachmentDisposition } from '../../../../server/src/http/catalogFiles.ts';
import { BODY_LIMITS } from '../../../../server/src/http/bodyLimits.ts';

// The wire contract of a guide's attached forms (issue 16 item 1; art. 23): what the desk sends and HQ checks.

const bytes = (...values: number[]) => Uint8Array.from([...values, 0x00, 0x01, 0x02]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const OLE2 = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

describe('the upload’s file name header', () => {
  it('carries any name a person gives a form as percent-encoded UTF-8, and back', () => {
    for (const name of ['技术合同认定登记申请表（空白）.docx', 'Form A (2026) – sample.xlsx', "it's 100%.pdf"]) {
      const header = encodeFileName(name);
      expect(header).toMatch(/^[\x21-\x7e]+$/);
      expect(decodeFileName(header)).toBe(name);
    }
  });

  it('refuses no name, a name that is no UTF-8, a path, control or invisible characters, and one too long', () => {
    for (const header of [
      undefined,
      '',
      '%E4%B8',
      '%C0%AF',
      'a b.pdf',
      encodeFileName('../a.pdf'),
      encodeFileName('a\\b.pdf'),
      encodeFileName('.'),
      encodeFileName(' a.pdf'), // trimmed by the schema: not the name as given
      encodeFileName('a\r\nb.pdf'),
      encodeFileName('a\u200bb.pdf'),
      encodeFileName('a'.repeat(61)),
    ]) {
      expect(decodeFileName(header), String(header)).toBeNull();
    }
  });
});

describe('the upload’s file name against its declared type', () => {
  it('takes a name ending with the type’s extension, in any case, and refuses any other', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(decodeFileName(encodeFileName('申请表.pdf'), 'application/pdf')).toBe('申请表.pdf');
    expect(decodeFileName(encodeFileName('申请表.PDF'), 'application/pdf')).toBe('申请表.PDF');
    expect(decodeFileName(encodeFileName('样表.docx'), docx)).toBe('样表.docx');
    for (const [name, type] of [
      ['noext', 'application/pdf'],
      ['申请表.docx', 'application/pdf'],
      ['样表.doc', docx],
      ['pdf', 'application/pdf'],
      ['.pdf', 'application/pdf'],
    ] as const) {
      expect(decodeFileName(encodeFileName(name), type), `${name} as ${type}`).toBeNull();
    }
  });
});

describe('reading a file back (GET /catalog/files/:sha256)', () => {
  it('is addressed by its SHA-256 under the upload’s path, and the route the server declares matches it', () => {
    const sha = 'ab'.repeat(32);
    expect(catalogFilePath(sha)).toBe(`${CATALOG_FILES_PATH}/${sha}`);
    expect(CATALOG_FILE_ROUTE).toBe(`${CATALOG_FILES_PATH}/:hash`);
    // Whatever a caller passes stays one path segment.
    expect(catalogFilePath('../x')).toBe(`${CATALOG_FILES_PATH}/..%2Fx`);
  });
});

describe('the file’s first bytes against its declared type', () => {
  const expected = {
    'application/pdf': PDF,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
    'application/msword': OLE2,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
    'application/vnd.ms-excel': OLE2,
  } as const;

  it.each(GUIDE_FILE_TYPES)('takes %s only with its own signature', (type) => {
    expect(isGuideFileType(type)).toBe(true);
    for (const [other, sample] of Object.entries(expected)) {
      expect(matchesFileType(sample, type), other).toBe(sample === expected[type]);
    }
    expect(matchesFileType(expected[type].subarray(0, 3), type)).toBe(false);
    expect(matchesFileType(new Uint8Array(0), type)).toBe(false);
  });

  it('takes no other type', () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/octet-stream', 'APPLICATION/PDF']) {
      expect(isGuideFileType(type)).toBe(false);
    }
  });

  it('reads a form up to 5 MB', () => {
    expect(BODY_LIMITS.catalogFile).toBe(5 * 1024 * 1024);
  });
});

describe('the download’s Content-Disposition (RFC 6266, RFC 5987)', () => {
  it('gives an ASCII fallback and the UTF-8 name percent-encoded, so no name can break out of the header', () => {
    expect(attachmentDisposition('申请表.pdf')).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf`,
    );
    const hostile = attachmentDisposition(`x"; filename*=UTF-8''evil.exe; a=(b)*!'.pdf`);
    expect(hostile).toBe(
      `attachment; filename="x___filename__UTF-8__evil.exe__a__b____.pdf"; filename*=UTF-8''x%22%3B%20filename%2A%3DUTF-8%27%27evil.exe%3B%20a%3D%28b%29%2A%21%27.pdf`,
    );
    expect(hostile.match(/filename\*=/g)).toHaveLength(1);
  });
});
