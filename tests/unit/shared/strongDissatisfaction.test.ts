import { describe, expect, it } from 'vitest';
import { strongByBureauRule } from '../../../shared/rules/strongDissatisfaction.ts';

// art. 30 对反映强烈、意见较大的，要及时向领导报告: the bureau's rule for what counts as strong, beyond what is marked.

describe('art. 30: the bureau’s rule for 反映强烈', () => {
  it('an overall 非常不满意 is always strong, whatever the rule', () => {
    for (const rule of ['overall', 'anyVeryDissatisfied', 'anyDissatisfied'] as const) {
      expect(strongByBureauRule({ overall: 'veryDissatisfied' }, rule)).toBe(true);
    }
    expect(strongByBureauRule({ overall: 'veryDissatisfied' })).toBe(true);
  });

  it('by default nothing else is: an aspect 非常不满意 with a better overall is not', () => {
    expect(strongByBureauRule({ overall: 'dissatisfied', integrity: 'veryDissatisfied' })).toBe(false);
    expect(strongByBureauRule({ overall: 'dissatisfied', integrity: 'veryDissatisfied' }, 'overall')).toBe(false);
    expect(strongByBureauRule({})).toBe(false);
  });

  it('anyVeryDissatisfied: one aspect 非常不满意 is strong, 不满意 everywhere is not', () => {
    expect(strongByBureauRule({ overall: 'satisfied', integrity: 'veryDissatisfied' }, 'anyVeryDissatisfied')).toBe(
      true,
    );
    const allDissatisfied = { overall: 'dissatisfied', attitude: 'dissatisfied', efficiency: 'dissatisfied' } as const;
    expect(strongByBureauRule(allDissatisfied, 'anyVeryDissatisfied')).toBe(false);
  });

  it('anyDissatisfied: one aspect 不满意 or worse is strong, 基本满意 is not', () => {
    expect(strongByBureauRule({ overall: 'satisfied', attitude: 'dissatisfied' }, 'anyDissatisfied')).toBe(true);
    expect(strongByBureauRule({ overall: 'satisfied', quality: 'veryDissatisfied' }, 'anyDissatisfied')).toBe(true);
    expect(
      strongByBureauRule({ overall: 'basicallySatisfied', quality: 'basicallySatisfied' }, 'anyDissatisfied'),
    ).toBe(false);
  });
});
