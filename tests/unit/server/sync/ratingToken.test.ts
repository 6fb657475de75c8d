import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../../shared/model/events.ts';
import { deskCodeOf } from '../../../../shared/rules/slips/serial.ts';
import { hashRatingToken, ratingPrintOf } from '../../../../server/src/sync/ratingToken.ts';

// Issue 13 point 4: which pushed prints give HQ a rating token hash to register — the hash a print names (the
// token stays on the desk), or an older desk's first print whose QR link still held the token.

const DEVICE = '01JDESK0000000000000007K2Q';
const SERIAL = `NYKJ-${deskCodeOf(DEVICE)}-2026-000127`;
const TOKEN = 'AAECAwQFBgcICQoLDA0ODw';
const HASH = createHash('sha256').update(TOKEN).digest('hex');

function printed(
  over: { serial?: string; qr?: string; reprint?: number; deviceId?: string; hash?: string | null } = {},
): DeskEvent {
  const serial = over.serial ?? SERIAL;
  return {
    eventId: '01JEVENT000000000000000001',
    aggregate: 'slip',
    aggregateId: '01JSLIP0000000000000000001',
    type: 'slip.printed',
    deviceId: over.deviceId ?? DEVICE,
    staffId: 'zhang-wei',
    payload: {
      serial,
      subject: { kind: 'case', caseId: '01JCASE0000000000000000001' },
      reprint: over.reprint ?? 0,
      ...(over.hash === null ? {} : { ratingTokenSha256: over.hash ?? HASH }),
      content: { issuedOn: '2026-11-23', qr: { payload: over.qr ?? `https://hq.example/r/${serial}` } },
    },
  } as unknown as DeskEvent;
}

describe('the rating token hash HQ registers of a pushed print', () => {
  it('is the hash the print names, with the slip and its subject, never who printed it', () => {
    const print = ratingPrintOf(printed());
    expect(print).toEqual({
      serial: SERIAL,
      tokenHash: HASH,
      slipId: '01JSLIP0000000000000000001',
      subject: { kind: 'case', caseId: '01JCASE0000000000000000001' },
      reprint: 0,
      issuedOn: '2026-11-23',
      printEventId: '01JEVENT000000000000000001',
    });
    expect(JSON.stringify(print)).not.toContain('zhang-wei');
    expect(hashRatingToken(TOKEN)).toBe(HASH);
  });

  it('is a reprint’s from any desk (补打), to be checked against the registered slip', () => {
    expect(ratingPrintOf(printed({ reprint: 2, deviceId: '01JDESK00000000000000000AA' }))?.reprint).toBe(2);
  });

  it('takes an older desk’s first-print link token, hashed, but never a reprint’s nor another slip’s', () => {
    const legacy = `https://hq.example/r/${SERIAL}/${TOKEN}`;
    expect(ratingPrintOf(printed({ hash: null, qr: legacy }))?.tokenHash).toBe(HASH);
    expect(ratingPrintOf(printed({ hash: null, qr: legacy, reprint: 1 }))).toBeNull();
    const other = `https://hq.example/r/NYKJ-${deskCodeOf(DEVICE)}-2026-000128/${TOKEN}`;
    expect(ratingPrintOf(printed({ hash: null, qr: other }))).toBeNull();
    expect(ratingPrintOf(printed({ hash: null, qr: SERIAL }))).toBeNull();
  });

  it('is none for a hash that is no SHA-256, or a first print of another desk’s serial', () => {
    expect(ratingPrintOf(printed({ hash: 'ABC' }))).toBeNull();
    expect(ratingPrintOf(printed({ deviceId: '01JDESK00000000000000000AA' }))).toBeNull();
  });
});
