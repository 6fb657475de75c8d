import { GUIDE_FILE_MAX_BYTES, GUIDE_FILE_TYPES, guideFileSchema, type GuideFile } from '../model/catalog.ts';

// 空白表格 and 示例样表 of a service guide (issue 16 item 1; art. 23: the commitments are published on the website):
// the administrator's desk uploads each file to HQ before asking for approval, and the item's draft names it by the
// SHA-256 HQ answers. HQ serves a file on the public site only once a published version names it.
//
//   POST /catalog/files
//     Authorization: Bearer <device token>, X-Device-Id: <device id>   (the desk, as every sync call)
//     X-Staff-Session: <sessionId>.<key>                                 (an administrator's live session on it)
//     Content-Type: one of GUIDE_FILE_TYPES                              (the file's own bytes must say the same)
//     X-File-Name: encodeFileName('技术合同认定登记申请表.docx')            (percent-encoded UTF-8)
//     body: the file's bytes, at most GUIDE_FILE_MAX_BYTES
//   → 201 GuideFile (stored now) or 200 GuideFile (HQ had these bytes already; the record as first stored)
//   → 401 staff-session-required / staff-session-invalid, 403 not-admin (checked before the body is read),
//     400 bad-file-name / empty-file, 413 body-too-large, 415 unsupported-media-type / content-mismatch

export const CATALOG_FILES_PATH = '/catalog/files';
export const FILE_NAME_HEADER = 'x-file-name';

/** The answer to an upload: the record a form's `file` carries. */
export const catalogFileResponseSchema = guideFileSchema;
export type CatalogFileResponse = GuideFile;

export type CatalogFileErrorCode =
  | 'staff-session-required'
  | 'staff-session-invalid'
  | 'not-admin'
  | 'bad-file-name'
  | 'empty-file'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'content-mismatch';

export type GuideFileType = (typeof GUIDE_FILE_TYPES)[number];

export function isGuideFileType(mediaType: string): mediaType is GuideFileType {
  return (GUIDE_FILE_TYPES as readonly string[]).includes(mediaType);
}

/** The X-File-Name header's value for a file name (HTTP headers carry ASCII only). */
export function encodeFileName(name: string): string {
  return encodeURIComponent(name);
}

const fileNameSchema = guideFileSchema.shape.fileName
  .min(1)
  // A name to save a download as, never a path.
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'must be a file name, not a path');

/** The file name an X-File-Name header carries, or null when it is missing, not percent-encoded UTF-8 or not a name. */
export function decodeFileName(header: string | undefined): string | null {
  if (header === undefined || !/^[A-Za-z0-9%._~!*'()-]+$/.test(header)) return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return null;
  }
  const parsed = fileNameSchema.safeParse(name);
  return parsed.success && parsed.data === name ? parsed.data : null;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .xls (Compound File Binary)
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .docx, .xlsx (Office Open XML is a ZIP package)
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

const MAGIC: Record<GuideFileType, readonly number[]> = {
  'application/pdf': PDF,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/msword': OLE2,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/vnd.ms-excel': OLE2,
};

/** Whether the file's first bytes are those of its declared type: a renamed executable or web page is no form. */
export function matchesFileType(bytes: Uint8Array, mediaType: GuideFileType): boolean {
  const magic = MAGIC[mediaType];
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

export { GUIDE_FILE_MAX_BYTES, GUIDE_FILE_TYPES };
