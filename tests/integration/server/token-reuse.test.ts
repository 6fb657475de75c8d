import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateTokenIfDue } from '../../../server/src/auth/deviceAuth.ts';
import { findDevice } from '../../../server/src/storage/devices.ts';
import { BACKENDS, startServer, type TestServer } from './harness.ts';

// Issue 10, review: a push with a desk's previous token gets a new token (the desk lost the answer to a rotation),
// and so would a copy of that token racing the real desk. The server cannot tell them apart; it tells the operator.

const DAY = 24 * 60 * 60 * 1000;

function recordingLog() {
  const warnings: { details: object; message: string }[] = [];
  return { warnings, log: { warn: (details: object, message: string) => void warnings.push({ details, message }) } };
}

describe.each(BACKENDS)('reuse of a rotated token on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(backend);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('warns, naming the device, when a push with the previous token is given a new one; not on a due rotation', async () => {
    const db = server.storage.db;
    const desk = await server.enrol('W07');
    const { warnings, log } = recordingLog();
    const start = Date.now() + 8 * DAY;

    // A week on, the current token is rotated as usual: nothing to warn about.
    const first = await rotateTokenIfDue(db, (await findDevice(db, desk.deviceId))!, desk.token, start, log);
    expect(first).toBeDefined();
    expect(warnings).toEqual([]);

    // The old token again, after the minute within which a retry gets nothing: a new token, and a warning.
    const again = await rotateTokenIfDue(db, (await findDevice(db, desk.deviceId))!, desk.token, start + 120_000, log);
    expect(again).toBeDefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.details).toMatchObject({ deviceId: desk.deviceId, label: 'W07' });
    expect(warnings[0]!.message).toContain(desk.deviceId);

    // The desk uses its newest token: no rotation is due, nothing more is said.
    expect(await rotateTokenIfDue(db, (await findDevice(db, desk.deviceId))!, again!, start + 240_000, log)).toBe(
      undefined,
    );
    expect(warnings).toHaveLength(1);
  });
});
