import { beforeEach, describe, expect, it } from 'vitest';
import { useNav } from '../../../../renderer/stores/nav.ts';
import { useRectificationFocus } from '../../../../renderer/stores/rectificationFocus.ts';

describe('the inbox opening a rectification on the 好差评 tab', () => {
  beforeEach(() => {
    useNav.getState().go('inbox');
    useRectificationFocus.getState().taken();
  });

  it('goes to the 好差评 tab with the rectification to open, once', () => {
    useRectificationFocus.getState().open({ origin: 'followUp', subjectId: 'case-1' });
    expect(useNav.getState().screen).toBe('satisfaction');
    expect(useRectificationFocus.getState().target).toEqual({ origin: 'followUp', subjectId: 'case-1' });
    useRectificationFocus.getState().taken();
    expect(useRectificationFocus.getState().target).toBeUndefined();
  });
});
