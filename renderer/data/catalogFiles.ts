import { LIMITS } from '../../shared/model/limits.ts';
import type { GuideFile } from '../../shared/model/catalog.ts';
import {
  CATALOG_FILES_PATH,
  catalogFilePath,
  catalogFileResponseSchema,
  encodeFileName,
  FILE_NAME_HEADER,
  GUIDE_FILE_MAX_BYTES,
  GUIDE_FILE_TYPES,
  isGuideFileType,
  type CatalogFileResponse,
  type GuideFileType,
} from '../../shared/sync/catalogFilesApi.ts';
import { DEVICE_ID_HEADER, type DeviceCredentials } from '../../shared/sync/enrolment.ts';
import { errorBodySchema } from '../../shared/sync/protocol.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../shared/sync/staffAuth.ts';

// 办事指南 attached forms (issue 16 item 1: 空白表格 and 示例样表). The file itself goes to HQ ONLINE, with the admin's
// own live session (POST /catalog/files): HQ keeps it under the SHA-256 of its bytes and serves it on the public
// site once a published version names it. The draft carries only what HQ answered (GuideFile), never the bytes.

// The wire contract is shared/sync/catalogFilesApi.ts.

export type GuideMediaType = GuideFileType;

const EXTENSIONS: Readonly<Record<string, GuideMediaType>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
};

/** The accept attribute of the file input: the types HQ takes, by extension and by media type. */
export const GUIDE_FILE_ACCEPT = [...Object.keys(EXTENSIONS).map((e) => `.${e}`), ...GUIDE_FILE_TYPES].join(',');

/**
 * What the desk checks before uploading anything: the type (by the file's own type, else its extension — Windows
 * often gives a .doc no type) and the size. HQ checks both again, and the bytes' signature.
 */
export function checkGuideFile(
  file: Pick<File, 'name' | 'size' | 'type'>,
): { ok: true; mediaType: GuideMediaType } | { ok: false; reason: 'fileType' | 'fileTooLarge' | 'fileEmpty' } {
  const mediaType = isGuideFileType(file.type) ? file.type : EXTENSIONS[file.name.split('.').pop()?.toLowerCase() ?? ''];
  if (!mediaType) return { ok: false, reason: 'fileType' };
  if (file.size === 0) return { ok: false, reason: 'fileEmpty' };
  if (file.size > GUIDE_FILE_MAX_BYTES) return { ok: false, reason: 'fileTooLarge' };
  return { ok: true, mediaType };
}

export class CatalogFileError extends Error {
  constructor(
    /** 'offline' (HQ not reached), 'unrecognised' (an answer not a GuideFile), 'other', or HQ's own code. */
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CatalogFileError';
  }
}

export type CatalogFileClient = (file: Blob, fileName: string, mediaType: GuideMediaType) => Promise<CatalogFileResponse>;

/**
 * The name a download is saved as, within what HQ keeps (LIMITS.fileName characters): a long name is shortened
 * before its extension, and a path (a browser gives none, but a desk's file dialog might) is cut to its last part.
 */
export function guideFileName(name: string): string {
  const base = name.split(/[/\\]/).pop()?.trim() || 'form';
  if (base.length <= LIMITS.fileName) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 6 ? base.slice(dot) : '';
  return `${base.slice(0, LIMITS.fileName - ext.length)}${ext}`;
}

/** The desk's token and the admin's own session: HQ takes a form, or gives one back, only from both. */
function adminHeaders(desk: DeviceCredentials, session: StaffSession): Record<string, string> {
  return {
    authorization: `Bearer ${desk.token}`,
    [DEVICE_ID_HEADER]: desk.deviceId,
    [STAFF_SESSION_HEADER]: staffSessionHeader(session),
  };
}

/** Upload one form to HQ as this admin (desk token and staff session in the headers, the raw bytes as the body). */
export function catalogFileClient(
  serverUrl: string,
  desk: DeviceCredentials,
  session: StaffSession,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): CatalogFileClient {
  const root = serverUrl.replace(/\/+$/, '');
  return async (file, fileName, mediaType) => {
    let response: Response;
    try {
      response = await fetchImpl(`${root}${CATALOG_FILES_PATH}`, {
        method: 'POST',
        headers: {
          ...adminHeaders(desk, session),
          'content-type': mediaType,
          [FILE_NAME_HEADER]: encodeFileName(guideFileName(fileName)),
        },
        body: file,
        cache: 'no-store',
      });
    } catch {
      throw new CatalogFileError('offline', 'cannot reach the server');
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = catalogFileResponseSchema.safeParse(json);
      if (!parsed.success) throw new CatalogFileError('unrecognised', 'unrecognised answer from the server', response.status);
      return parsed.data;
    }
    const error = errorBodySchema.safeParse(json);
    throw error.success
      ? new CatalogFileError(error.data.code, error.data.message, response.status)
      : new CatalogFileError('other', `${response.status} ${response.statusText}`, response.status);
  };
}

/** A file HQ holds, read back as this admin: its bytes, typed as the form says. */
export type CatalogFileReader = (file: GuideFile) => Promise<Blob>;

/** The first characters of a SHA-256 the admin compares: a file swapped under the same name shows a new value. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string | undefined> {
  // Absent outside a secure context (a desk opened over plain http on the LAN): HQ's own check stands then.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Read one form back from HQ (GET /catalog/files/<sha256>) with the admin's own session, as the upload sends it:
 * the second administrator must be able to open a draft's form before approving it (art. 20–23: approval makes it
 * public). Bytes that do not hash to the form's SHA-256 are refused — what is opened is what will be published.
 */
export function catalogFileReader(
  serverUrl: string,
  desk: DeviceCredentials,
  session: StaffSession,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): CatalogFileReader {
  const root = serverUrl.replace(/\/+$/, '');
  return async (file) => {
    let response: Response;
    let bytes: ArrayBuffer;
    try {
      response = await fetchImpl(`${root}${catalogFilePath(file.sha256)}`, {
        method: 'GET',
        headers: adminHeaders(desk, session),
        cache: 'no-store',
      });
      if (!response.ok) {
        const json: unknown = await response.json().catch(() => undefined);
        const error = errorBodySchema.safeParse(json);
        if (error.success) throw new CatalogFileError(error.data.code, error.data.message, response.status);
        if (response.status === 404) throw new CatalogFileError('not-found', 'HQ holds no such file', 404);
        throw new CatalogFileError('other', `${response.status} ${response.statusText}`, response.status);
      }
      bytes = await response.arrayBuffer();
    } catch (e) {
      if (e instanceof CatalogFileError) throw e;
      throw new CatalogFileError('offline', 'cannot reach the server');
    }
    const hash = await sha256Hex(bytes);
    if (hash !== undefined && hash !== file.sha256.toLowerCase()) {
      throw new CatalogFileError('hash-mismatch', 'the bytes HQ answered are not this form', response.status);
    }
    return new Blob([bytes], { type: file.mediaType });
  };
}

/**
 * Hand a file to the browser or the Electron desk to save or open: a download of a blob URL under the form's own
 * name. In Electron a link with `download` starts a download, not a navigation (electron/main/security.ts refuses
 * navigation away from the desk and new windows, neither of which this is); with no will-download handler set,
 * Electron asks where to save it, as a browser does.
 */
export function saveFile(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = guideFileName(fileName);
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // After the download has taken the bytes (revoking at once can cancel it in some browsers).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
