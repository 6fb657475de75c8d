import {
  fileNameFitsType,
  GUIDE_FILE_EXTENSIONS,
  GUIDE_FILE_MAX_BYTES,
  GUIDE_FILE_TYPES,
  guideFileSchema,
  type GuideFile,
} from '../model/catalog.ts';

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
//     400 bad-file-name (also a name without its type's extension: 申请表 or 申请表.docx for a PDF) / empty-file,
//     413 body-too-large, 415 unsupported-media-type / content-mismatch
//
//   GET /catalog/files/<sha256>   (catalogFilePath(sha256); same headers as the upload, no body)
//   → 200 the bytes HQ holds, Content-Type their media type, Content-Disposition: attachment; filename*=UTF-8''…,
//     X-Content-Type-Options: nosniff, Cache-Control: private, no-store. For the second administrator, who must be
//     able to open a draft's form before approving it: approval makes its bytes public (art. 23).
//   → 401 staff-session-required / staff-session-invalid, 403 not-admin, 404 not-found (HQ holds no such file)

export const CATALOG_FILES_PATH = '/catalog/files';
/** The route of one file as the server declares it (cors.ts lets the desk's origin call it). */
export const CATALOG_FILE_ROUTE = `${CATALOG_FILES_PATH}/:hash`;

/** Where an administrator's desk reads back a file HQ holds, published or not (its SHA-256 in lower-case hex). */
export function catalogFilePath(sha256: string): string {
  return `${CATALOG_FILES_PATH}/${encodeURIComponent(sha256)}`;
}
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
  | 'content-mismatch'
  | 'not-found';

export type GuideFileType = (typeof GUIDE_FILE_TYPES)[number];

export function isGuideFileType(mediaType: string): mediaType is GuideFileType {
  return (GUIDE_FILE_TYPES as readonly string[]).includes(mediaType);
}

/** The X-File-Name header's value for a file name (HTTP headers carry ASCII only). */
export function encodeFileName(name: string): string {
  return encodeURIComponent(name);
}

const fileNameSchema = guideFileSchema.shape.fileName;

/**
 * The file name an X-File-Name header carries, or null when it is missing, not percent-encoded UTF-8, or not a plain
 * file name (a path, a hidden file) — or, given the file's type, when it does not end with that type's extension.
 */
export function decodeFileName(header: string | undefined, mediaType?: GuideFileType): string | null {
  if (header === undefined || !/^[A-Za-z0-9%._~!*'()-]+$/.test(header)) return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return null;
  }
  const parsed = fileNameSchema.safeParse(name);
  if (!parsed.success || parsed.data !== name) return null;
  return mediaType === undefined || fileNameFitsType(name, mediaType) ? name : null;
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

export { GUIDE_FILE_EXTENSIONS, GUIDE_FILE_MAX_BYTES, GUIDE_FILE_TYPES };
