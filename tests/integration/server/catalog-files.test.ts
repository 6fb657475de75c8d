import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GUIDE_FILE_MAX_BYTES, type GuideForm, type ServiceItem } from '../../../shared/model/catalog.ts';
import { guideFilePath } from '../../../shared/rules/guide/link.ts';
import {
  CATALOG_FILES_PATH,
  catalogFilePath,
  catalogFileResponseSchema,
  encodeFileName,
  FILE_NAME_HEADER,
} from '../../../shared/sync/catalogFilesApi.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader } from '../../../shared/sync/staffAuth.ts';
import { DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { DEMO_ITEMS } from '../../../server/src/seed/demoCatalog.ts';
import { makeItemPublished, makeItemSaved, withGuide } from '../../fixtures/adminEvents.ts';
import { useAdminDesk } from './adminDesk.ts';
import { BACKENDS } from './harness.ts';

// 空白表格 and 示例样表 of the service guides (issue 16 item 1; art. 23: published on the website). Only an
// administrator's live session on an enrolled desk uploads, checked before a byte of the file is read; the public
// site serves a file only once a published version names it, and answers every other request with the same 404.

const { admin, secondAdmin, windowClerk } = DEMO_STAFF;
const itemId = DEMO_ITEMS.techContract;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from('[Content_Types].xml word/document.xml'),
]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FORM_NAME = '技术合同认定登记申请表（空白）.pdf';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(BACKENDS)('the guides’ attached forms on $name', (backend) => {
  const hq = useAdminDesk(backend);
  const { session, pushProven } = hq;
  async function upload(
    body: Buffer,
    { staffId = admin as string, type = 'application/pdf', name = encodeFileName(FORM_NAME), headers = {} } = {},
  ) {
    const res = await hq.server.app.inject({
      method: 'POST',
      url: CATALOG_FILES_PATH,
      headers: {
        ...hq.server.authHeaders(hq.desk),
        [STAFF_SESSION_HEADER]: staffSessionHeader(await session(staffId)),
        'content-type': type,
        [FILE_NAME_HEADER]: name,
        ...headers,
      },
      payload: body,
    });
    return { status: res.statusCode, json: res.json() as { code?: string }, headers: res.headers };
  }
  const get = (path: string, headers: Record<string, string> = {}) =>
    hq.server.app.inject({ method: 'GET', url: path, headers });

  async function currentItem(): Promise<{ rev: number; body: ServiceItem }> {
    const refs = (await hq.server.pull(0, 2000)).references;
    const doc = refs.filter((r) => r.doc.kind === 'serviceItem' && r.doc.id === itemId).at(-1)!.doc;
    return doc as { rev: number; body: ServiceItem };
  }
  /** A draft by one admin and its publication by the other: the version a visitor sees. */
  async function publish(forms: GuideForm[]) {
    const { rev, body } = await currentItem();
    const draft = makeItemSaved(hq.by(admin), withGuide(body, { forms }), rev);
    const approval = makeItemPublished(hq.by(secondAdmin), itemId, draft.eventId);
    return pushProven(draft, approval);
  }

  /**
   * An upload whose headers announce a 5 MB body that is never sent: the server must answer from the headers alone.
   * A server that read the body first would wait for it until the test times out.
   */
  async function answerWithoutBody(headers: Record<string, string>): Promise<{ status: number; body: string }> {
    if (!hq.server.app.server.listening) await hq.server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = hq.server.app.server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: CATALOG_FILES_PATH,
        headers: { 'content-type': 'application/pdf', 'content-length': String(GUIDE_FILE_MAX_BYTES), ...headers },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject);
      req.write(PDF.subarray(0, 8)); // a first few bytes, then nothing more
    });
  }

  it('refuses an upload without a device, without a staff session, or from a non-admin before reading its body', async () => {
    const stored = () =>
      hq.server.storage.db
        .withTables<{ guide_files: { sha256: string } }>()
        .selectFrom('guide_files')
        .select('sha256')
        .orderBy('sha256')
        .execute();
    // The demo bureau's own forms (seed), if any; nothing is added to them.
    const before = await stored();
    const anonymous = await answerWithoutBody({});
    expect(anonymous.status).toBe(401);
    const noSession = await answerWithoutBody(hq.server.authHeaders(hq.desk));
    expect(noSession).toMatchObject({ status: 401, body: expect.stringContaining('staff-session-required') });
    const clerk = await answerWithoutBody({
      ...hq.server.authHeaders(hq.desk),
      [STAFF_SESSION_HEADER]: staffSessionHeader(await session(windowClerk)),
    });
    expect(clerk).toMatchObject({ status: 403, body: expect.stringContaining('not-admin') });
    const forged = await answerWithoutBody({
      ...hq.server.authHeaders(hq.desk),
      [STAFF_SESSION_HEADER]: `${(await session(admin)).sessionId}.${'A'.repeat(43)}`,
    });
    expect(forged.status).toBe(401);
    // An admin's live session opened on another desk proves nothing for this one.
    const otherDesk = await hq.server.device();
    const elsewhere = await answerWithoutBody({
      ...hq.server.authHeaders(otherDesk),
      [STAFF_SESSION_HEADER]: staffSessionHeader(await session(admin)),
    });
    expect(elsewhere.status).toBe(401);
    // Nothing was stored by any of them.
    expect(await stored()).toEqual(before);
  });

  it('lets the Electron desk (app://desk) upload and read back across origins with its headers, and no other origin', async () => {
    const preflight = (url: string, method: 'GET' | 'POST', origin: string) =>
      hq.server.app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type, x-file-name, x-staff-session',
        },
      });
    const routes = [
      [CATALOG_FILES_PATH, 'POST'],
      [catalogFilePath('ab'.repeat(32)), 'GET'], // a second administrator opens a draft's form
    ] as const;
    for (const [url, method] of routes) {
      const desk = await preflight(url, method, 'app://desk');
      expect(desk.statusCode, url).toBe(204);
      expect(desk.headers['access-control-allow-origin'], url).toBe('app://desk');
      expect(String(desk.headers['access-control-allow-methods']), url).toContain(method);
      const allowed = String(desk.headers['access-control-allow-headers']).toLowerCase();
      for (const name of ['content-type', 'x-file-name', 'x-staff-session', 'authorization', 'x-device-id']) {
        expect(allowed, url).toContain(name);
      }
      const elsewhere = await preflight(url, method, 'https://evil.example');
      expect(elsewhere.headers['access-control-allow-origin'], url).toBeUndefined();
    }
  });

  it('takes a PDF once (201), answers the same record for the same bytes (200), and a Word file beside it', async () => {
    const first = await upload(PDF);
    expect(first.status).toBe(201);
    expect(catalogFileResponseSchema.parse(first.json)).toEqual({
      sha256: sha(PDF),
      mediaType: 'application/pdf',
      bytes: PDF.length,
      fileName: FORM_NAME,
    });
    expect(first.headers['cache-control']).toBe('no-store');
    const again = await upload(PDF, { staffId: secondAdmin, name: encodeFileName('另一个名字.pdf') });
    expect(again).toMatchObject({ status: 200, json: first.json });
    const docx = await upload(DOCX, {
      type: `${DOCX_TYPE}; charset=binary`,
      name: encodeFileName('样表.docx'),
    });
    expect(docx).toMatchObject({ status: 201, json: { sha256: sha(DOCX), bytes: DOCX.length } });
  });

  it('refuses a file that is not what it says, a type it does not take, an empty one and one over 5 MB', async () => {
    // An HTML page or an executable called a PDF is no form (magic bytes).
    expect(await upload(Buffer.from('<html><script>alert(1)</script></html>'))).toMatchObject({
      status: 415,
      json: { code: 'content-mismatch' },
    });
    expect(await upload(PDF, { type: 'application/msword', name: encodeFileName('申请表.doc') })).toMatchObject({
      status: 415,
      json: { code: 'content-mismatch' },
    });
    expect(await upload(Buffer.from('MZ\x90\x00'), { type: 'application/x-msdownload' })).toMatchObject({
      status: 415,
    });
    expect(await upload(Buffer.from('<svg onload="alert(1)"/>'), { type: 'image/svg+xml' })).toMatchObject({
      status: 415,
    });
    expect((await upload(Buffer.from('{"a":1}'), { type: 'application/json' })).status).toBe(415);
    expect(await upload(Buffer.alloc(0))).toMatchObject({ status: 400 });
    const huge = Buffer.concat([PDF, Buffer.alloc(GUIDE_FILE_MAX_BYTES)]);
    expect(await upload(huge)).toMatchObject({ status: 413, json: { code: 'body-too-large' } });
  });

  it('stops reading an upload sent in chunks without a length once it passes 5 MB', async () => {
    if (!hq.server.app.server.listening) await hq.server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = hq.server.app.server.address() as AddressInfo;
    const headers = {
      ...hq.server.authHeaders(hq.desk),
      [STAFF_SESSION_HEADER]: staffSessionHeader(await session(admin)),
      [FILE_NAME_HEADER]: encodeFileName('大.pdf'),
      'content-type': 'application/pdf',
      'transfer-encoding': 'chunked',
    };
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: CATALOG_FILES_PATH, headers });
      req.on('response', (res) => {
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => undefined); // the server may close the socket while chunks are still going out
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent <= GUIDE_FILE_MAX_BYTES + chunk.length && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(sent === chunk.length ? Buffer.concat([PDF, chunk]) : chunk)) return req.once('drain', more);
        }
        req.end();
      };
      more();
      setTimeout(() => reject(new Error('no answer')), 20_000).unref();
    });
    expect(status).toBe(413);
  });

  it('refuses a file name that is missing, not percent-encoded UTF-8, a path, or carries control characters', async () => {
    const bad = [
      '',
      '%E4%B8', // a cut UTF-8 sequence
      '%ZZ.pdf',
      encodeFileName('../../etc/passwd'),
      encodeFileName('..'),
      encodeFileName('C:\\Windows\\win.ini'),
      encodeFileName('a.pdf\r\nSet-Cookie: x=1'),
      encodeFileName('a\u0000.pdf'),
      encodeFileName('隐\u202Egnp.pdf'), // a right-to-left override hiding the real extension
      encodeFileName('名'.repeat(61)),
      'a b.pdf', // not encoded
    ];
    for (const name of bad) {
      expect(await upload(PDF, { name }), name).toMatchObject({ status: 400, json: { code: 'bad-file-name' } });
    }
  });

  it('refuses a name without its type’s extension: a visitor’s computer opens the download by it', async () => {
    // A PDF named noext or 申请表.docx would be saved as such and open in no program, or the wrong one; .pdf alone
    // is a hidden file's name.
    for (const name of ['noext', '申请表', '申请表.docx', '申请表.pdf.exe', '.pdf', '申请表.pdf ']) {
      expect(await upload(PDF, { name: encodeFileName(name) }), name).toMatchObject({
        status: 400,
        json: { code: 'bad-file-name' },
      });
    }
    expect(await upload(DOCX, { type: DOCX_TYPE, name: encodeFileName('样表.pdf') })).toMatchObject({
      status: 400,
      json: { code: 'bad-file-name' },
    });
    // Its extension in any case is its extension.
    expect(await upload(PDF, { name: encodeFileName('申请表.PDF') })).toMatchObject({
      status: 201,
      json: { fileName: '申请表.PDF' },
    });
  });

  it('serves a form only once a published version names it, with download headers, and for good', async () => {
    const uploaded = catalogFileResponseSchema.parse((await upload(PDF, { name: encodeFileName('a"b;c.pdf') })).json);
    const path = guideFilePath(uploaded.sha256);
    const unknown = await get(guideFilePath('f'.repeat(64)));
    expect(unknown.statusCode).toBe(404);
    // Uploaded but named by no version: the same answer as a file that does not exist.
    const hidden = await get(path);
    expect({ status: hidden.statusCode, body: hidden.body }).toEqual({ status: 404, body: unknown.body });

    const form: GuideForm = { kind: 'blank', name: '技术合同认定登记申请表', file: uploaded };
    // A draft naming it does not publish it.
    const { rev, body } = await currentItem();
    const draft = makeItemSaved(hq.by(admin), withGuide(body, { forms: [form] }), rev);
    expect(await pushProven(draft)).toMatchObject({ rejected: [] });
    expect((await get(path)).statusCode).toBe(404);
    const approval = makeItemPublished(hq.by(secondAdmin), itemId, draft.eventId);
    expect(await pushProven(approval)).toMatchObject({ rejected: [] });

    const served = await get(path);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PDF)).toBe(true);
    expect(served.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${uploaded.sha256}"`,
    });
    // RFC 6266/5987: the quote and the semicolon of the name cannot end the header's value or add a parameter.
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%3Bc.pdf`,
    );
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect((await get(path, { 'if-none-match': `"${uploaded.sha256}"` })).statusCode).toBe(304);
    const head = await hq.server.app.inject({ method: 'HEAD', url: path });
    expect({ status: head.statusCode, body: head.body }).toEqual({ status: 200, body: '' });

    // A newer version without the form: the earlier version still names it, and it stays downloadable.
    expect(await publish([])).toMatchObject({ rejected: [] });
    expect((await currentItem()).rev).toBe(3);
    expect((await get(path)).statusCode).toBe(200);
  });

  it('gives nothing away to a crafted path', async () => {
    const uploaded = catalogFileResponseSchema.parse((await upload(PDF)).json);
    expect(await publish([{ kind: 'sample', name: '示例样表', file: uploaded }])).toMatchObject({ rejected: [] });
    const probes = [
      `/public/files/${uploaded.sha256.toUpperCase()}`,
      `/public/files/${uploaded.sha256}%00`,
      `/public/files/${uploaded.sha256}/..`,
      `/public/files/${uploaded.sha256.slice(0, 63)}`,
      `/public/files/..%2F..%2Fetc%2Fpasswd`,
      `/public/files/%25`,
      `/public/files/${'%'.repeat(64)}`,
      `/public/files/${uploaded.sha256.slice(0, 60)}%25%25`,
    ];
    for (const probe of probes) {
      const res = await get(probe);
      // 400 when the path is not even a URL (a lone %), else the one 404 of the public files.
      expect([400, 404], probe).toContain(res.statusCode);
      expect(res.rawPayload.includes(PDF), probe).toBe(false);
    }
    expect((await get(`/public/files/${uploaded.sha256}`)).statusCode).toBe(200);
  });
  /** GET /catalog/files/:sha256 with this desk's token and `staffId`'s live session (or the headers given). */
  const readBack = async (
    sha256: string,
    { staffId = secondAdmin as string, headers }: { staffId?: string; headers?: Record<string, string> } = {},
  ) =>
    hq.server.app.inject({
      method: 'GET',
      url: catalogFilePath(sha256),
      headers: headers ?? {
        ...hq.server.authHeaders(hq.desk),
        [STAFF_SESSION_HEADER]: staffSessionHeader(await session(staffId)),
      },
    });

  it('lets a second administrator open a draft’s form before approving it: the bytes the public will get', async () => {
    // art. 23: approval puts the file on the website, so the approver must see the file, not only its description.
    const uploaded = catalogFileResponseSchema.parse(
      (await upload(DOCX, { type: DOCX_TYPE, name: encodeFileName('样表 "A".docx') })).json,
    );
    const { rev, body } = await currentItem();
    const draft = makeItemSaved(
      hq.by(admin),
      withGuide(body, { forms: [{ kind: 'sample', name: '示例样表', file: uploaded }] }),
      rev,
    );
    expect(await pushProven(draft)).toMatchObject({ rejected: [] });
    // Not public yet.
    expect((await get(guideFilePath(uploaded.sha256))).statusCode).toBe(404);

    const res = await readBack(uploaded.sha256);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(DOCX)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': DOCX_TYPE,
      'content-length': String(DOCX.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-disposition': `attachment; filename="____A_.docx"; filename*=UTF-8''%E6%A0%B7%E8%A1%A8%20%22A%22.docx`,
    });
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers.etag).toBeUndefined();
    // The drafter may open it too; HEAD answers without the bytes.
    expect((await readBack(uploaded.sha256, { staffId: admin })).statusCode).toBe(200);
    const head = await hq.server.app.inject({
      method: 'HEAD',
      url: catalogFilePath(uploaded.sha256),
      headers: { ...hq.server.authHeaders(hq.desk), [STAFF_SESSION_HEADER]: staffSessionHeader(await session(admin)) },
    });
    expect({ status: head.statusCode, body: head.body }).toEqual({ status: 200, body: '' });
  });

  it('answers 404 for a file HQ does not hold, in the same words for a hash that is no hash', async () => {
    const unknown = await readBack('f'.repeat(64));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not-found' });
    expect(unknown.headers['cache-control']).toBe('private, no-store');
    for (const probe of ['F'.repeat(64), 'f'.repeat(63), '..%2F..%2Fetc%2Fpasswd', `${'f'.repeat(64)}%00`]) {
      const res = await hq.server.app.inject({
        method: 'GET',
        url: `${CATALOG_FILES_PATH}/${probe}`,
        headers: {
          ...hq.server.authHeaders(hq.desk),
          [STAFF_SESSION_HEADER]: staffSessionHeader(await session(secondAdmin)),
        },
      });
      expect(res.statusCode, probe).toBe(404);
      expect(res.json(), probe).toMatchObject({ code: 'not-found' });
    }
  });

  it('lets only an administrator’s live session on this desk read a file back, as the upload', async () => {
    const uploaded = catalogFileResponseSchema.parse((await upload(PDF)).json);
    const refusals = [
      { headers: {}, status: 401 },
      { headers: hq.server.authHeaders(hq.desk), status: 401, code: 'staff-session-required' },
      {
        headers: {
          ...hq.server.authHeaders(hq.desk),
          [STAFF_SESSION_HEADER]: `${(await session(admin)).sessionId}.${'A'.repeat(43)}`,
        },
        status: 401,
        code: 'staff-session-invalid',
      },
      {
        headers: {
          ...hq.server.authHeaders(hq.desk),
          [STAFF_SESSION_HEADER]: staffSessionHeader(await session(windowClerk)),
        },
        status: 403,
        code: 'not-admin',
      },
      {
        // An admin's session opened on this desk proves nothing for another one.
        headers: {
          ...hq.server.authHeaders(await hq.server.device()),
          [STAFF_SESSION_HEADER]: staffSessionHeader(await session(admin)),
        },
        status: 401,
      },
    ];
    for (const [i, { headers, status, code }] of refusals.entries()) {
      const res = await readBack(uploaded.sha256, { headers });
      expect(res.statusCode, String(i)).toBe(status);
      if (code) expect(res.json(), String(i)).toMatchObject({ code });
      expect(res.rawPayload.includes(PDF), String(i)).toBe(false);
    }
    // The Electron desk's own call across origins is let in (the preflight: the test of the desk's origin above).
    const read = await hq.server.app.inject({
      method: 'GET',
      url: catalogFilePath(uploaded.sha256),
      headers: {
        origin: 'app://desk',
        ...hq.server.authHeaders(hq.desk),
        [STAFF_SESSION_HEADER]: staffSessionHeader(await session(secondAdmin)),
      },
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBe('app://desk');
  });

  it('publishes a form only as HQ recorded its file: a draft cannot give it another name', async () => {
    const uploaded = catalogFileResponseSchema.parse((await upload(PDF)).json);
    const renamed = { ...uploaded, fileName: '另一个文件.pdf' };
    const { rev, body } = await currentItem();
    const draft = makeItemSaved(
      hq.by(admin),
      withGuide(body, { forms: [{ kind: 'blank', name: '申请表', file: renamed }] }),
      rev,
    );
    const approval = makeItemPublished(hq.by(secondAdmin), itemId, draft.eventId);
    const res = await pushProven(draft, approval);
    expect(res.rejected).toEqual([
      expect.objectContaining({
        eventId: approval.eventId,
        code: 'invalid-event',
        message: expect.stringContaining(`HQ holds '${FORM_NAME}'`),
      }),
    ]);
    expect((await currentItem()).rev).toBe(rev);
    expect((await get(guideFilePath(uploaded.sha256))).statusCode).toBe(404);
  });
});
