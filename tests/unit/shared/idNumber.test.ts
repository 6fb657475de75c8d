import { describe, expect, it } from 'vitest';
import { isValidIdNumber, maskIdNumber, MASKED_ID_RE } from '../../../shared/rules/idNumber.ts';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts a number whose check character matches, with X in either case', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });
  it('rejects a wrong check character, a wrong length or an impossible date', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(isValidIdNumber('11010519491331002X')).toBe(false);
  });
  it('keeps only the first 6 and last 4 characters (PIPL)', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(MASKED_ID_RE.test(maskIdNumber('11010519491231002X'))).toBe(true);
  });
});
