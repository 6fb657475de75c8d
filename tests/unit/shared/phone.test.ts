import { describe, expect, it } from 'vitest';
import { isValidPhone, maskPhone, normalisePhone, phoneDigits } from '../../../shared/rules/phone.ts';

describe('phone numbers', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '+86 13800138000',
    '0377-63176300',
    '037763176300',
    '0377-63176300-801',
    '010-12345678',
  ])('accepts %s', (p) => expect(isValidPhone(p)).toBe(true));
  it.each(['12345678', '12345678901', '1380013800', '63176300', 'abc', '', '0377-631'])('rejects %s', (p) =>
    expect(isValidPhone(p)).toBe(false),
  );
  it('normalises spaces and the country code', () => {
    expect(normalisePhone('+86 138 0013 8000')).toBe('13800138000');
    expect(phoneDigits('0377-63176300')).toBe('037763176300');
  });
  it('masks the middle of a mobile number (PIPL: show only what the clerk needs)', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
