import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { GUIDE_FILE_TYPES, type GuideFile } from '../../../shared/model/catalog.ts';
import { PUBLIC_SITE_PATH } from '../../../shared/rules/guide/link.ts';
import {
  CATALOG_FILE_ROUTE,
  CATALOG_FILES_PATH,
  decodeFileName,
  FILE_NAME_HEADER,
  isGuideFileType,
  matchesFileType,
  type CatalogFileErrorCode,
} from '../../../shared/sync/catalogFilesApi.ts';
import { authenticateAdmin } from '../auth/adminAuth.ts';
import type { Db } from '../storage/db.ts';
import { readGuideFile, storeGuideFile } from '../storage/guideFiles.ts';
import { BODY_LIMITS } from './bodyLimits.ts';
import { authenticateRequest, header } from './deviceGuard.ts';
import { refuseBeforeBody, sendError } from './errors.ts';
import { noStore } from './noStore.ts';

// 空白表格 and 示例样表 of the service guides (issue 16 item 1; art. 22–23: the commitments, published on the
// website). An administrator's desk uploads a form (POST /catalog/files); the public site serves it only once a
// published version of an item names it (GET /public/files/:sha256), so a draft's file stays unseen until a second
// administrator approved the draft, and an upload cannot turn HQ into anyone's file host. Before approving, that
// second administrator opens the draft's file from HQ (GET /catalog/files/:sha256) with the same two proofs as an
// upload: what they approve is the bytes the public will download, not a description of them.

const MESSAGES: Record<Exclude<CatalogFileErrorCode, 'staff-session-required' | 'staff-session-invalid'>, string> = {
  'not-admin':
    '只有系统管理员可以上传或查看办事指南的表格。Only an administrator may upload or open the forms of a service guide.',
  'bad-file-name':
    '文件名缺失或无效（须为百分号编码的 UTF-8，不含路径，以与文件类型相符的扩展名结尾，如 .pdf、.docx）。' +
    'The file name is missing or invalid (X-File-Name: percent-encoded UTF-8, no path, ending with the extension of its type, e.g. .pdf, .docx).',
  'empty-file': '文件为空。The file is empty.',
  'body-too-large': '文件超过 5 MB。The file is larger than 5 MB.',
  'unsupported-media-type':
    '只接受 PDF、Word（.doc/.docx）和 Excel（.xls/.xlsx）文件。Only PDF, Word (.doc/.docx) and Excel (.xls/.xlsx) files are taken.',
  'content-mismatch': '文件内容与声明的类型不符。The file’s content is not of the type it is declared as.',
  'not-found': '服务器上没有此文件，请重新上传。HQ holds no such file: upload it again.',
};

const NOT_FOUND = '没有此文件。No such file.';

declare module 'fastify' {
  interface FastifyRequest {
    /** The administrator whose live session the server checked for an upload, before its body was read. */
    uploaderStaffId: string | null;
  }
}

/**
 * onRequest: the desk's token, then a live session of an active administrator on that desk; nothing read yet. For
 * an upload, and for reading back a file HQ holds (published or not).
 */
function requireUploader(db: Db): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const device = await authenticateRequest(db, request, reply);
    if (!device) return reply;
    const admin = await authenticateAdmin(db, request.headers, device.device_id);
    if (admin.ok) {
      request.uploaderStaffId = admin.staffId;
      return undefined;
    }
    request.log.warn({ deviceId: device.device_id, code: admin.code, method: request.method }, 'guide file refused');
    const message = admin.code === 'not-admin' ? MESSAGES['not-admin'] : admin.message;
    return sendError(refuseBeforeBody(reply), admin.status, admin.code, message);
  };
}

function refuse(reply: FastifyReply, status: number, code: keyof typeof MESSAGES): FastifyReply {
  return sendError(reply, status, code, MESSAGES[code]);
}

/** The media type of a Content-Type header, parameters and case aside. */
function mediaTypeOf(request: FastifyRequest): string {
  return (header(request, 'content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback name for old clients and the real one as
 * RFC 5987 `filename*`, percent-encoded, so no byte of a stored name can end the header or start another.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const SHA256_RE = /^[0-9a-f]{64}$/;

/** The forms a stored version lists (none when its body is unreadable: such a version names nothing). */
function formsOf(kind: string, text: string): unknown[] {
  try {
    const body = JSON.parse(text) as { forms?: unknown; item?: { forms?: unknown } } | null;
    const forms = kind === 'serviceItem' ? body?.forms : body?.item?.forms;
    return Array.isArray(forms) ? forms : [];
  } catch {
    return [];
  }
}

/** Whether a version HQ published (the current one of an item, or one it archived) names this file. */
async function isPublished(db: Db, sha256: string): Promise<boolean> {
  const rows = await db
    .selectFrom('reference_docs')
    .select(['kind', 'body'])
    .where('kind', 'in', ['serviceItem', 'serviceItemVersion'])
    .where('body', 'like', `%${sha256}%`)
    .execute();
  return rows.some((row) => {
    const forms = formsOf(row.kind, row.body);
    return forms.some((f) => (f as { file?: GuideFile } | null)?.file?.sha256 === sha256);
  });
}

export function registerCatalogFiles(app: FastifyInstance, db: Db): void {
  app.decorateRequest('uploaderStaffId', null);

  void app.register(async (scope) => {
    // The file's bytes as they are, only in this scope: no other route takes a PDF or an Office file.
    scope.addContentTypeParser(
      [...GUIDE_FILE_TYPES],
      { parseAs: 'buffer', bodyLimit: BODY_LIMITS.catalogFile },
      (_request, body, done) => done(null, body),
    );

    scope.post(
      CATALOG_FILES_PATH,
      { onRequest: requireUploader(db), onSend: noStore, bodyLimit: BODY_LIMITS.catalogFile },
      async (request, reply) => {
        const staffId = request.uploaderStaffId;
        if (!staffId) throw new Error(`${request.url}: route has no requireUploader hook`);
        const mediaType = mediaTypeOf(request);
        const body = request.body;
        if (!isGuideFileType(mediaType) || !Buffer.isBuffer(body)) {
          return refuse(reply, 415, 'unsupported-media-type');
        }
        // The name a visitor saves the download as must open it: its type's extension (申请表.pdf, not 申请表).
        const fileName = decodeFileName(header(request, FILE_NAME_HEADER), mediaType);
        if (fileName === null) return refuse(reply, 400, 'bad-file-name');
        if (body.length === 0) return refuse(reply, 400, 'empty-file');
        if (body.length > BODY_LIMITS.catalogFile) return refuse(reply, 413, 'body-too-large');
        if (!matchesFileType(body, mediaType)) {
          request.log.warn({ staffId, mediaType, bytes: body.length }, 'guide file refused: content mismatch');
          return refuse(reply, 415, 'content-mismatch');
        }
        const sha256 = createHash('sha256').update(body).digest('hex');
        const { file, created } = await storeGuideFile(db, { sha256, mediaType, bytes: body.length, fileName }, body, {
          staffId,
          at: new Date().toISOString(),
        });
        request.log.info({ sha256, mediaType, bytes: body.length, by: staffId, created }, 'guide file uploaded');
        return reply.code(created ? 201 : 200).send(file);
      },
    );
  });

  /**
   * GET /catalog/files/:sha256 for an administrator: the bytes HQ holds, published or not, so a second administrator
   * opens a draft's form before approving it (art. 23: approval puts it on the website). Never kept by a cache.
   */
  app.get<{ Params: { hash: string } }>(
    CATALOG_FILE_ROUTE,
    { onRequest: requireUploader(db) },
    async (request, reply) => {
      const { hash } = request.params;
      reply
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer');
      const found = SHA256_RE.test(hash) ? await readGuideFile(db, hash) : undefined;
      if (!found) return refuse(reply, 404, 'not-found');
      request.log.info({ sha256: hash, by: request.uploaderStaffId }, 'guide file read by an administrator');
      return reply
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-frame-options', 'DENY')
        .header('content-disposition', attachmentDisposition(found.file.fileName))
        .type(found.file.mediaType)
        .header('content-length', String(found.content.length))
        .send(found.content);
    },
  );

  /**
   * GET /public/files/:sha256, without sign-in: a file a published version names, else 404 — the same 404 whether
   * HQ holds the bytes or not, so a draft's file (or any upload) cannot be probed for.
   */
  app.get<{ Params: { sha256: string } }>(`${PUBLIC_SITE_PATH}/files/:sha256`, async (request, reply) => {
    const { sha256 } = request.params;
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    const found =
      SHA256_RE.test(sha256) && (await isPublished(db, sha256)) ? await readGuideFile(db, sha256) : undefined;
    if (!found) return sendError(reply.header('cache-control', 'no-cache'), 404, 'not-found', NOT_FOUND);
    const etag = `"${sha256}"`;
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-frame-options', 'DENY')
      .header('content-disposition', attachmentDisposition(found.file.fileName));
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(found.file.mediaType).header('content-length', String(found.content.length)).send(found.content);
  });
}
