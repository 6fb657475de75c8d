import { create } from 'zustand';
import type { RectificationTarget } from '../data/rating/rectificationItems.ts';
import { useNav } from './nav.ts';

// A rectification another screen asked the 好差评 tab to open (the inbox's 差评整改): the tab takes it once and
// clears it, so coming back to the tab later does not reopen it. Not persisted, like the tab itself.

interface RectificationFocus {
  target: RectificationTarget | undefined;
  /** Go to the 好差评 tab with this rectification open. */
  open(target: RectificationTarget): void;
  /** The tab has opened it. */
  taken(): void;
}

export const useRectificationFocus = create<RectificationFocus>()((set) => ({
  target: undefined,
  open: (target) => {
    set({ target });
    useNav.getState().go('satisfaction');
  },
  taken: () => set({ target: undefined }),
}));
