import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GUIDE_FILE_MAX_BYTES } from '../../../../shared/model/catalog.ts';
import { decodeFileName } from '../../../../shared/sync/catalogFilesApi.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader } from '../../../../shared/sync/staffAuth.ts';
import {
  catalogFileClient,
  catalogFileReader,
  CatalogFileError,
  checkGuideFile,
  guideFileName,
  shortSha,
} from '../../../../renderer/data/catalogFiles.ts';
import { staffSession } from './sessions.ts';

// 办事指南 forms (issue 16 item 1): the desk checks a file before anything leaves it, then uploads it ONLINE as the
// administrator (device token and staff session in the headers), and keeps only what HQ answered.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const desk = { deviceId: 'desk-w03', token: 'device-token' } as never;
const SHA = 'b'.repeat(64);

describe('a guide form checked on the desk before upload', () => {
  it('takes PDF, Word and Excel by type, or by extension when the system gives no type', () => {
    expect(checkGuideFile({ name: '申请表.pdf', size: 10, type: 'application/pdf' })).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(checkGuideFile({ name: '申请表.DOCX', size: 10, type: '' })).toEqual({ ok: true, mediaType: DOCX });
    expect(checkGuideFile({ name: '样表.xls', size: 10, type: '' })).toMatchObject({ mediaType: 'application/vnd.ms-excel' });
  });

  it('refuses another type, an empty file and one over 5 MB, before anything is sent', () => {
    expect(checkGuideFile({ name: '照片.jpg', size: 10, type: 'image/jpeg' })).toEqual({ ok: false, reason: 'fileType' });
    expect(checkGuideFile({ name: '申请表.exe', size: 10, type: '' })).toEqual({ ok: false, reason: 'fileType' });
    expect(checkGuideFile({ name: '申请表.pdf', size: 0, type: 'application/pdf' })).toEqual({ ok: false, reason: 'fileEmpty' });
    const big = { name: '申请表.pdf', size: GUIDE_FILE_MAX_BYTES + 1, type: 'application/pdf' };
    expect(checkGuideFile(big)).toEqual({ ok: false, reason: 'fileTooLarge' });
    expect(checkGuideFile({ ...big, size: GUIDE_FILE_MAX_BYTES })).toMatchObject({ ok: true });
  });

  it('shortens a long name before its extension, to a name HQ accepts', () => {
    const long = `${'技术合同认定登记申请表'.repeat(8)}.docx`;
    const short = guideFileName(long);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.endsWith('.docx')).toBe(true);
    expect(decodeFileName(encodeURIComponent(short))).toBe(short);
    expect(guideFileName('C:\\表格\\申请表.pdf')).toBe('申请表.pdf');
  });
});

describe('the upload to HQ', () => {
  it('proves the desk and the administrator, sends the raw bytes with their type and name, and keeps HQ’s answer', async () => {
    const session = staffSession('ma-jun');
    const calls: { url: string; init: RequestInit }[] = [];
    const answer = { sha256: SHA, mediaType: DOCX, bytes: 4, fileName: '申请表.docx' };
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(answer), { status: 201 });
    }) as typeof fetch;
    const upload = catalogFileClient('https://hq.example.gov.cn/', desk, session, fetchImpl);
    const body = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04])]);
    expect(await upload(body, '申请表.docx', DOCX)).toEqual(answer);
    expect(calls[0]?.url).toBe('https://hq.example.gov.cn/catalog/files');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', body, cache: 'no-store' });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers).toMatchObject({
      authorization: 'Bearer device-token',
      'content-type': DOCX,
      [STAFF_SESSION_HEADER]: staffSessionHeader(session),
      'x-file-name': encodeURIComponent('申请表.docx'),
    });
  });

  it('says offline when HQ cannot be reached, and passes HQ’s own refusal on', async () => {
    const session = staffSession('ma-jun');
    const down = catalogFileClient('https://hq', desk, session, (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    await expect(down(new Blob(['x']), 'a.pdf', 'application/pdf')).rejects.toMatchObject({ code: 'offline' });
    const refusing = catalogFileClient('https://hq', desk, session, (async () =>
      new Response(JSON.stringify({ error: 'Unsupported Media Type', code: 'content-mismatch', message: 'not a PDF' }), { status: 415 })) as typeof fetch);
    const refused = refusing(new Blob(['x']), 'a.pdf', 'application/pdf');
    await expect(refused).rejects.toBeInstanceOf(CatalogFileError);
    await expect(refused).rejects.toMatchObject({ code: 'content-mismatch', status: 415 });
    // An answer that is not a GuideFile is never put into a draft.
    const odd = catalogFileClient('https://hq', desk, session, (async () =>
      new Response(JSON.stringify({ sha256: 'nope' }), { status: 201 })) as typeof fetch);
    await expect(odd(new Blob(['x']), 'a.pdf', 'application/pdf')).rejects.toMatchObject({ code: 'unrecognised' });
  });
});

describe('a draft’s form read back from HQ by the approving administrator', () => {
  // 公开承诺 (art. 20–23): the second admin opens the file approval will publish, not just its name.
  const bytes = new TextEncoder().encode('%PDF-1.7 申请表');
  const form = {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mediaType: 'application/pdf' as const,
    bytes: bytes.length,
    fileName: '申请表.pdf',
  };

  it('asks for the file by its SHA-256 with the desk’s token and the admin’s session, and returns its bytes typed', async () => {
    const session = staffSession('huang-xiuying');
    let seen: { url: string; init: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response(bytes, { status: 200, headers: { 'content-type': 'application/pdf' } });
    }) as typeof fetch;
    const blob = await catalogFileReader('https://hq.example.gov.cn/', desk, session, fetchImpl)(form);
    expect(seen?.url).toBe(`https://hq.example.gov.cn/catalog/files/${form.sha256}`);
    expect(seen?.init.method).toBe('GET');
    const headers = seen?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer device-token');
    expect(headers['x-device-id']).toBe('desk-w03');
    expect(headers[STAFF_SESSION_HEADER]).toBe(staffSessionHeader(session));
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('refuses bytes that are not the form’s, says offline and not-found plainly, and passes HQ’s refusal on', async () => {
    const session = staffSession('huang-xiuying');
    const read = (fetchImpl: typeof fetch) => catalogFileReader('https://hq.example.gov.cn', desk, session, fetchImpl)(form);
    await expect(read((async () => new Response(new TextEncoder().encode('%PDF-1.7 另一份'))) as typeof fetch)).rejects.toMatchObject({ code: 'hash-mismatch' });
    await expect(read((async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch)).rejects.toMatchObject({ code: 'offline' });
    await expect(read((async () => new Response('gone', { status: 404 })) as typeof fetch)).rejects.toMatchObject({ code: 'not-found', status: 404 });
    const refused = read((async () =>
      new Response(JSON.stringify({ error: 'Forbidden', code: 'not-admin', message: 'administrators only' }), { status: 403 })) as typeof fetch);
    await expect(refused).rejects.toBeInstanceOf(CatalogFileError);
    await expect(refused).rejects.toMatchObject({ code: 'not-admin', status: 403 });
  });

  it('shows the start of a SHA-256, enough to see a file swapped under the same name', () => {
    expect(shortSha(form.sha256)).toBe(form.sha256.slice(0, 12));
    expect(shortSha(SHA)).not.toBe(shortSha(form.sha256));
  });
});
