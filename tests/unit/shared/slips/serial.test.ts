import { describe, expect, it } from 'vitest';
import { slipSerialSchema } from '../../../../shared/model/slip.ts';
import { deskCodeOf, formatSerial, nextSlipSequence, parseSerial } from '../../../../shared/rules/slips/serial.ts';

describe('slip serial numbers, unique across desks offline', () => {
  it('reads bureau code, desk code, year and a six-digit sequence', () => {
    const serial = formatSerial({ bureauCode: 'NYKJ', deskCode: 'W03', year: 2026, seq: 127 });
    expect(serial).toBe('NYKJ-W03-2026-000127');
    expect(slipSerialSchema.safeParse(serial).success).toBe(true);
    expect(parseSerial(serial)).toEqual({ bureauCode: 'NYKJ', deskCode: 'W03', year: 2026, seq: 127 });
  });

  it("derives the desk code from the desk's own id, so two desks never need to agree on one", () => {
    expect(deskCodeOf('01JDXYZ0000000000000007K2Q')).toBe('W7K2Q');
    expect(deskCodeOf('01JDXYZ00000000000000000AB')).not.toBe(deskCodeOf('01JDXYZ00000000000000000AC'));
  });

  it('counts up per year and starts a new year at 1', () => {
    let state = nextSlipSequence(undefined, 2026);
    expect(state.seq).toBe(1);
    state = nextSlipSequence(state.sequences, 2026);
    expect(state.seq).toBe(2);
    state = nextSlipSequence(state.sequences, 2027);
    expect(state.seq).toBe(1);
    expect(state.sequences).toEqual({ 2026: 2, 2027: 1 });
  });

  it('never reuses a number of a year already counted, even when the clock went back a year', () => {
    let state = nextSlipSequence({ 2026: 41 }, 2027);
    state = nextSlipSequence(state.sequences, 2026);
    expect(state.seq).toBe(42);
  });

  it('keeps counting past 999999 without breaking the format', () => {
    expect(formatSerial({ bureauCode: 'NYKJ', deskCode: 'W03', year: 2026, seq: 1_000_000 })).toBe(
      'NYKJ-W03-2026-1000000',
    );
  });

  it('refuses a sequence below 1 and a malformed bureau code', () => {
    expect(() => formatSerial({ bureauCode: 'NYKJ', deskCode: 'W03', year: 2026, seq: 0 })).toThrow();
    expect(() => formatSerial({ bureauCode: 'ny', deskCode: 'W03', year: 2026, seq: 1 })).toThrow();
    expect(parseSerial('NYKJ-W03-2026-12')).toBeNull();
  });
});
