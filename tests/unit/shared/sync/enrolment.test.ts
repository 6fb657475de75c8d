import { describe, expect, it } from 'vitest';
import {
  deviceLabelSchema,
  ENROLMENT_CODE_ALPHABET,
  enrolmentCodeSchema,
  formatEnrolmentCode,
  normaliseEnrolmentCode,
} from '../../../../shared/sync/enrolment.ts';

describe('enrolment codes as people read and type them', () => {
  it('uses 32 symbols without the easily confused 0, O, 1 and I', () => {
    expect(new Set(ENROLMENT_CODE_ALPHABET).size).toBe(32);
    for (const confusable of ['0', 'O', '1', 'I']) expect(ENROLMENT_CODE_ALPHABET).not.toContain(confusable);
  });

  it('shows a code as two groups of four', () => {
    expect(formatEnrolmentCode('7kq3m9xd')).toBe('7KQ3-M9XD');
    expect(formatEnrolmentCode('7KQ3-M9XD')).toBe('7KQ3-M9XD');
    // An incomplete code is left as typed (upper case) rather than split wrongly.
    expect(formatEnrolmentCode('7kq')).toBe('7KQ');
  });

  it('ignores case, spaces and the dash in what the clerk typed', () => {
    expect(normaliseEnrolmentCode(' 7kq3 - m9xd ')).toBe('7KQ3M9XD');
    expect(enrolmentCodeSchema.parse('7kq3 m9xd')).toBe('7KQ3M9XD');
  });

  it('refuses a code of the wrong length or with a symbol the alphabet does not have', () => {
    for (const bad of ['7KQ3-M9X', '7KQ3-M9XDD', 'O0I1-ABCD', '7KQ3_M9XD']) {
      const parsed = enrolmentCodeSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('enrolmentCodeFormat');
    }
  });

  it('needs a desk name of at most 40 characters', () => {
    expect(deviceLabelSchema.parse(' 窗口3 ')).toBe('窗口3');
    expect(deviceLabelSchema.safeParse('  ').error?.issues[0]?.message).toBe('deviceLabelRequired');
    expect(deviceLabelSchema.safeParse('窗'.repeat(41)).error?.issues[0]?.message).toBe('deviceLabelTooLong');
  });
});
