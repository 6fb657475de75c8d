import { describe, expect, it } from 'vitest';
import { slipEventSchema, type SlipEvent } from '../../../../shared/model/slipEvents.ts';
import { foldSlip, reprintPayload } from '../../../../shared/rules/slips/fold.ts';
import { composeChecklist } from '../../../../shared/rules/slips/checklist.ts';
import { createUlidFactory } from '../../../../shared/rules/ulid.ts';
import { formatHlc } from '../../../../shared/sync/hlc.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';
import { CASE_ID, DESK, issue, SERIAL } from '../../../fixtures/slipSubjects.ts';

let seed = 3;
const ulid = createUlidFactory((n) =>
  Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255),
);
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const SLIP_ID = ulid(T0);
const content = composeChecklist(issue(), { item: TECH_CONTRACT_ITEM, rev: 3 });

let n = 0;
function printed(payload: Record<string, unknown> = {}): SlipEvent {
  const ms = T0 + ++n * 60_000;
  return slipEventSchema.parse({
    eventId: ulid(ms),
    aggregate: 'slip',
    aggregateId: SLIP_ID,
    type: 'slip.printed',
    v: 1,
    hlc: formatHlc({ ms, counter: 0, node: DESK }),
    deviceId: DESK,
    deviceSeq: n,
    staffId: 'zhang-wei',
    occurredAt: '2026-11-23T10:00:00.000+08:00',
    payload: {
      serial: SERIAL,
      subject: { kind: 'case', caseId: CASE_ID },
      format: 'a4',
      content,
      reprint: 0,
      ...payload,
    },
  });
}

describe('the slip record: one slip, its first print and its reprints', () => {
  const first = printed();

  it('keeps the whole content of the first print', () => {
    const state = foldSlip([first]);
    expect(state).toMatchObject({
      slipId: SLIP_ID,
      serial: SERIAL,
      kind: 'checklist',
      subjectId: CASE_ID,
      reprints: 0,
    });
    expect(state?.content).toEqual(content);
  });

  it('reprints the same content and serial, pointing at the first print, counted', () => {
    const state = foldSlip([first])!;
    const payload = reprintPayload(state, 'receipt80');
    expect(payload).toEqual({
      serial: SERIAL,
      subject: { kind: 'case', caseId: CASE_ID },
      format: 'receipt80',
      content,
      reprintOf: first.eventId,
      reprint: 1,
    });
    const again = foldSlip([first, printed(payload)])!;
    expect(again.reprints).toBe(1);
    expect(reprintPayload(again, 'a4').reprint).toBe(2);
    expect(again.prints.map((p) => p.reprint)).toEqual([0, 1]);
  });

  it('folds the same whatever order the events arrive in', () => {
    const reprint = printed({ reprintOf: first.eventId, reprint: 1 });
    expect(foldSlip([reprint, first])).toEqual(foldSlip([first, reprint]));
    expect(foldSlip([reprint])?.originalEventId).toBe(reprint.eventId);
  });

  it('refuses a reprint that does not point at its original, and a serial that differs from the content', () => {
    expect(() => printed({ reprint: 1 })).toThrow(/reprintNeedsOriginal/);
    expect(() => printed({ reprintOf: first.eventId, reprint: 0 })).toThrow(/reprintNeedsOriginal/);
    expect(() => printed({ serial: 'NYKJ-W0000-2026-000001' as never })).toThrow(/slipSerialMismatch/);
  });
});
