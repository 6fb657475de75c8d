import { beforeEach, describe, expect, it } from 'vitest';
import { readStoredCredentials, storeCredentials } from '../../../../renderer/data/credentials.ts';
import type { DeskDb } from '../../../../renderer/data/db.ts';
import { keepRotatedToken, offerIdleToken } from '../../../../renderer/data/tokenRotation.ts';
import type { SyncTransport } from '../../../../renderer/data/transport.ts';
import { DEVICE_TOKEN_ROTATE_AFTER_MS, type DeviceCredentials } from '../../../../shared/sync/enrolment.ts';
import type { PushRequest, PushResponse } from '../../../../shared/sync/protocol.ts';
import { freshDeskDb } from './deskDb.ts';

const DEVICE = '01JD0000000000000000000000';
const creds = (letter: string, deviceId = DEVICE) => ({ deviceId, token: letter.repeat(43) }) as DeviceCredentials;
const DAY = 24 * 60 * 60 * 1000;

/** A server stand-in that answers every push with the next token of a list (or none). */
function rotatingServer(tokens: (string | undefined)[]) {
  const pushes: PushRequest[] = [];
  const transport: SyncTransport = {
    push: async (request) => {
      pushes.push(request);
      const answer: PushResponse = {
        ackedSeq: 0,
        stored: 0,
        duplicates: 0,
        rejected: [],
        serverTime: '2027-03-01T09:00:00.000Z',
      };
      const newToken = tokens.shift();
      return newToken ? { ...answer, newToken } : answer;
    },
    pull: async () => ({ formatVersion: 1, events: [], references: [], nextCursor: 0, hasMore: false }),
  };
  return { transport, pushes };
}

describe('keeping a rotated device token', () => {
  let db: DeskDb;
  beforeEach(() => {
    db = freshDeskDb();
  });

  it('replaces the token the push was made with, and answers the one to use next', async () => {
    await storeCredentials(db, creds('A'));
    const { transport } = rotatingServer([]);
    await expect(keepRotatedToken(db, transport, creds('A'), 'B'.repeat(43))).resolves.toEqual(creds('B'));
    expect(await readStoredCredentials(db)).toEqual(creds('B'));
    // No new token: nothing changes.
    await expect(keepRotatedToken(db, transport, creds('B'), undefined)).resolves.toEqual(creds('B'));
  });

  it('never overwrites credentials of another identity (the desk was enrolled again meanwhile)', async () => {
    await storeCredentials(db, creds('C', '01JD0000000000000000000001'));
    const { transport } = rotatingServer([]);
    await expect(keepRotatedToken(db, transport, creds('A'), 'B'.repeat(43))).resolves.toEqual(creds('A'));
    expect(await readStoredCredentials(db)).toEqual(creds('C', '01JD0000000000000000000001'));
  });

  it('keeps what another window already put in place of the token it pushed with', async () => {
    await storeCredentials(db, creds('N'));
    const { transport } = rotatingServer([]);
    await expect(keepRotatedToken(db, transport, creds('A'), 'B'.repeat(43))).resolves.toEqual(creds('N'));
    expect(await readStoredCredentials(db)).toEqual(creds('N'));
  });

  it('says so, typed, when the platform cannot keep the new token', async () => {
    const { transport } = rotatingServer([]);
    const failing: SyncTransport = {
      ...transport,
      credentials: async () => creds('A'),
      saveCredentials: async () => {
        throw new Error('no keyring');
      },
    };
    await expect(keepRotatedToken(db, failing, creds('A'), 'B'.repeat(43))).rejects.toMatchObject({
      failure: { kind: 'credentials-not-saved', message: 'no keyring' },
    });
  });
});

describe('a desk with nothing to send offering its token', () => {
  let db: DeskDb;
  beforeEach(async () => {
    db = freshDeskDb();
    await storeCredentials(db, creds('A'));
  });

  it('does not push while its token is younger than a rotation, then once, and then not again that day', async () => {
    const server = rotatingServer([undefined, 'B'.repeat(43)]);
    const t0 = Date.parse('2027-03-01T09:00:00Z');
    await expect(offerIdleToken(db, server.transport, creds('A'), t0)).resolves.toEqual(creds('A'));
    await offerIdleToken(db, server.transport, creds('A'), t0 + DEVICE_TOKEN_ROTATE_AFTER_MS - 1);
    expect(server.pushes).toHaveLength(0);

    // Due: one empty push; the server gives no token this time, so the desk asks again only a day later.
    const due = t0 + DEVICE_TOKEN_ROTATE_AFTER_MS;
    await expect(offerIdleToken(db, server.transport, creds('A'), due)).resolves.toEqual(creds('A'));
    expect(server.pushes).toMatchObject([{ deviceId: DEVICE, events: [] }]);
    await offerIdleToken(db, server.transport, creds('A'), due + DAY - 1);
    expect(server.pushes).toHaveLength(1);

    await expect(offerIdleToken(db, server.transport, creds('A'), due + DAY)).resolves.toEqual(creds('B'));
    expect(server.pushes).toHaveLength(2);
    expect(await readStoredCredentials(db)).toEqual(creds('B'));
    // The new token is held from now on: no empty push for another rotation's age.
    await offerIdleToken(db, server.transport, creds('B'), due + 2 * DAY);
    expect(server.pushes).toHaveLength(2);
  });
});
