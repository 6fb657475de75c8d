import { pbkdf2Sync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../server/src/cliCommands.ts';
import { privilegedWithoutSecret } from '../../../server/src/auth/staffSecrets.ts';
import { buildDemoBureau, DEMO_PASSWORD, DEMO_PIN, DEMO_STAFF } from '../../../server/src/seed/demoBureau.ts';
import { openStorage } from '../../../server/src/storage/db.ts';
import { migrateUpTo } from '../../../server/src/storage/migrations.ts';
import { insertReferenceDocsIfEmpty } from '../../../server/src/storage/reference.ts';
import { allocateSeqs, lockSequence } from '../../../server/src/storage/sequence.ts';
import type { ReferenceDoc } from '../../../shared/model/reference.ts';
import { formatPinHash, parsePinHash } from '../../../shared/rules/pin.ts';
import { authorshipOf } from '../../../shared/sync/staffAuth.ts';
import { makeContactEvent, makeContactOpened } from '../../fixtures/events.ts';
import { withProof } from '../../fixtures/proof.ts';
import { BACKENDS, pushBody, startServer, type Backend, type TestServer } from './harness.ts';
import { postSignIn, signInAs } from './staffSessions.ts';

// Issue 11: no verifier of anyone's secret reaches a desk, in /reference or in a pull, and a database seeded the
// old way (every staff doc carrying its PIN hash) upgrades without losing a record.

const PRIVILEGED: string[] = [DEMO_STAFF.secondAdmin, DEMO_STAFF.admin, DEMO_STAFF.leader, DEMO_STAFF.director].sort();

/** Every piece of every verifier the server holds, and the words that would give one away. */
async function secretsOf(server: TestServer): Promise<string[]> {
  const rows = await server.storage.db.selectFrom('staff_credentials').select('verifier').execute();
  const parts = rows.flatMap((r) => {
    const parsed = parsePinHash(r.verifier)!;
    return [r.verifier, parsed.salt, parsed.hash];
  });
  return [...parts, 'pbkdf2', 'pinHash', 'verifier', DEMO_PASSWORD];
}

function expectNoneOf(text: string, secrets: readonly string[]) {
  for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
}

describe.each(BACKENDS)('staff secrets stay on the server, on $name', (backend) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('sends no verifier in /reference or in a pull, and never a session key', async () => {
    server = await startServer(backend);
    const desk = await server.device();
    const session = await signInAs(server, desk, DEMO_STAFF.leader);
    await signInAs(server, desk, DEMO_STAFF.windowClerk);
    const opened = makeContactOpened({ deviceId: desk, deviceSeq: 1, staffId: DEMO_STAFF.leader });
    const answered = makeContactEvent(
      { deviceId: desk, deviceSeq: 2, staffId: DEMO_STAFF.leader, contactId: opened.aggregateId },
      'contact.answered',
      { answer: '已当场答复' },
    );
    const push = await server.push(pushBody(desk, [withProof(opened, session), withProof(answered, session)]));
    expect(push.body).toMatchObject({ stored: 2, rejected: [] });

    const secrets = [...(await secretsOf(server)), session.key];
    expect(secrets.length).toBeGreaterThan(45); // fifteen verifiers, three pieces each
    const reference = await server.app.inject({ method: 'GET', url: '/reference', headers: server.authHeaders(desk) });
    expect(reference.statusCode).toBe(200);
    expect(reference.body).toContain(DEMO_STAFF.leader);
    expectNoneOf(reference.body, secrets);
    const pull = await server.app.inject({
      method: 'GET',
      url: '/sync/pull?cursor=0&limit=2000',
      headers: server.authHeaders(desk),
    });
    expect(pull.statusCode).toBe(200);
    expect(pull.body).toContain(session.sessionId); // the proof names its session …
    expectNoneOf(pull.body, secrets); // … and carries nothing that could sign another event
  });

  it('upgrades a database seeded the old way: hashes out of the directory, clerks keep their PIN, records kept', async () => {
    const prepared = await oldStyleDatabase(backend);
    server = await startServer({ ...backend, create: async () => prepared.handle });
    const { db } = server.storage;

    // Every staff doc got a new version without its hash, after what a desk had already pulled.
    const sincePulled = await server.pull(prepared.headSeq, 2000);
    const staffDocs = sincePulled.references.filter((r) => r.doc.kind === 'staff');
    expect(staffDocs).toHaveLength(15);
    expect(staffDocs.every((r) => r.doc.rev === 2 && r.seq > prepared.headSeq)).toBe(true);
    const everything = await server.app.inject({
      method: 'GET',
      url: '/sync/pull?cursor=0&limit=2000',
      headers: server.authHeaders(await server.device()),
    });
    expectNoneOf(everything.body, [...prepared.oldHashes.values(), 'pbkdf2', 'pinHash']);
    const raw = await db.selectFrom('reference_docs').select('body').where('kind', '=', 'staff').execute();
    expectNoneOf(raw.map((r) => r.body).join('\n'), ['pbkdf2', 'pinHash']);

    // Everyday staff's verifiers moved to the server's table; the leaders', supervisors' and admins' did not.
    const moved = await db.selectFrom('staff_credentials').selectAll().execute();
    const movedIds = moved.map((r) => r.staff_id).sort();
    expect(movedIds).toEqual([...prepared.oldHashes.keys()].filter((id) => !PRIVILEGED.includes(id)).sort());
    for (const row of moved) expect(row.verifier).toBe(prepared.oldHashes.get(row.staff_id));
    expect((await privilegedWithoutSecret(db)).sort()).toEqual(PRIVILEGED);

    // The record a desk pushed before the upgrade is still there, attested.
    const events = (await server.pull(0, 2000)).events;
    expect(events.map((e) => e.event.eventId)).toEqual([prepared.eventId]);
    expect(authorshipOf(events[0]!.event)).toBe('attested');

    // A clerk signs in with the PIN they had; their verifier is made again at today's strength.
    const desk = await server.device();
    expect((await postSignIn(server, desk, { staffId: DEMO_STAFF.windowClerk, secret: DEMO_PIN })).status).toBe(200);
    const remade = await db
      .selectFrom('staff_credentials')
      .select('verifier')
      .where('staff_id', '=', DEMO_STAFF.windowClerk)
      .executeTakeFirstOrThrow();
    expect(parsePinHash(remade.verifier)!.iterations).toBeGreaterThanOrEqual(210_000);
    // A leader's old PIN no longer opens anything; the operator sets a password, which the policy checks.
    expect((await postSignIn(server, desk, { staffId: DEMO_STAFF.leader, secret: DEMO_PIN })).status).toBe(401);
    await expect(
      runCommand(
        db,
        ['set-secret', DEMO_STAFF.leader],
        () => {},
        async () => '1234',
      ),
    ).rejects.toThrow(/至少 10 个字符/);
    await runCommand(
      db,
      ['set-secret', DEMO_STAFF.leader],
      () => {},
      async () => 'Wolong2027ke',
    );
    expect((await postSignIn(server, desk, { staffId: DEMO_STAFF.leader, secret: 'Wolong2027ke' })).status).toBe(200);
  });

  it('ends a person’s open sessions when their secret is set anew', async () => {
    server = await startServer(backend);
    const desk = await server.device();
    const session = await signInAs(server, desk, DEMO_STAFF.admin);
    await runCommand(
      server.storage.db,
      ['set-secret', DEMO_STAFF.admin],
      () => {},
      async () => 'Baihe2027river',
    );
    const opened = makeContactOpened({
      deviceId: desk,
      deviceSeq: 1,
      staffId: DEMO_STAFF.admin,
      at: Date.now() + 6 * 60_000,
    });
    const push = await server.push(pushBody(desk, [withProof(opened, session)]));
    expect(push.body.rejected).toEqual([expect.objectContaining({ code: 'invalid-proof' })]);
    expect((await postSignIn(server, desk, { staffId: DEMO_STAFF.admin, secret: DEMO_PASSWORD })).status).toBe(401);
  });
});

/** A database as the server before issue 11 left it: migrated to 0004, the demo staff with PIN hashes, one event. */
async function oldStyleDatabase(backend: Backend) {
  const handle = await backend.create();
  const storage = openStorage(handle.database, () => {});
  const oldHashes = new Map<string, string>();
  try {
    await migrateUpTo(storage.db, '0004_health_probe');
    const now = Date.now() - 86_400_000;
    const docs = buildDemoBureau(now).map((doc) => {
      if (doc.kind !== 'staff') return doc;
      // 1 000 iterations, as the old format allowed any count; each hash its own salt.
      const salt = Buffer.from(`salt-of-${doc.id}`.padEnd(16, '.').slice(0, 16));
      const hash = pbkdf2Sync(DEMO_PIN, salt, 1000, 32, 'sha256').toString('base64');
      const pinHash = formatPinHash(1000, salt.toString('base64'), hash);
      oldHashes.set(doc.id, pinHash);
      return { ...doc, body: { ...doc.body, pinHash } } as ReferenceDoc;
    });
    await insertReferenceDocsIfEmpty(storage.db, docs);
    const opened = makeContactOpened({
      deviceId: '01JD0000000000000000000000',
      deviceSeq: 1,
      staffId: 'zhang-wei',
      at: now,
    });
    const headSeq = await storage.db.transaction().execute(async (trx) => {
      await lockSequence(trx);
      const seq = await allocateSeqs(trx, 1);
      // The columns of that time: no `proof` yet.
      await trx
        .insertInto('events')
        .values({
          seq,
          event_id: opened.eventId,
          aggregate: opened.aggregate,
          aggregate_id: opened.aggregateId,
          type: opened.type,
          v: opened.v,
          hlc: opened.hlc,
          device_id: opened.deviceId,
          device_seq: opened.deviceSeq,
          staff_id: opened.staffId,
          occurred_at: opened.occurredAt,
          payload: JSON.stringify(opened.payload),
          received_at: new Date(now).toISOString(),
          flags: null,
        })
        .execute();
      return seq;
    });
    return { handle, oldHashes, eventId: opened.eventId, headSeq };
  } finally {
    await storage.close();
  }
}
