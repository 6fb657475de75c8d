import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../../shared/model/events.ts';
import { deskCodeOf } from '../../../../shared/rules/slips/serial.ts';
import { hashRatingToken, ratingTokenOf } from '../../../../server/src/sync/ratingToken.ts';

// Issue 13 point 4: which pushed slips give HQ a rating token to keep — a desk's own first print whose QR link
// names that very slip — and that only the token's hash is kept.

const DEVICE = '01JDESK0000000000000007K2Q';
const SERIAL = `NYKJ-${deskCodeOf(DEVICE)}-2026-000127`;
const TOKEN = 'AAECAwQFBgcICQoLDA0ODw';

function printed(over: { serial?: string; qr?: string; reprint?: number; deviceId?: string } = {}): DeskEvent {
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
      content: { issuedOn: '2026-11-23', qr: { payload: over.qr ?? `https://hq.example/r/${serial}/${TOKEN}` } },
    },
  } as unknown as DeskEvent;
}

describe('the rating token HQ keeps of a pushed slip', () => {
  it('is the first print’s: its hash, the slip, the service it is about and whose service it was', () => {
    expect(ratingTokenOf(printed())).toEqual({
      serial: SERIAL,
      token_hash: createHash('sha256').update(TOKEN).digest('hex'),
      slip_id: '01JSLIP0000000000000000001',
      service_kind: 'case',
      service_id: '01JCASE0000000000000000001',
      rated_staff_id: 'zhang-wei',
      issued_on: '2026-11-23',
      print_event_id: '01JEVENT000000000000000001',
    });
    expect(hashRatingToken(TOKEN)).not.toContain(TOKEN);
  });

  it('is none for a reprint, a slip without a rating link, or a link naming another slip', () => {
    expect(ratingTokenOf(printed({ reprint: 1 }))).toBeNull();
    expect(ratingTokenOf(printed({ qr: SERIAL }))).toBeNull();
    expect(
      ratingTokenOf(printed({ qr: `https://hq.example/r/NYKJ-${deskCodeOf(DEVICE)}-2026-000128/${TOKEN}` })),
    ).toBeNull();
  });

  it('is none for a slip whose serial belongs to another desk: no desk can claim another’s slip', () => {
    expect(ratingTokenOf(printed({ deviceId: '01JDESK00000000000000000AA' }))).toBeNull();
  });
});
