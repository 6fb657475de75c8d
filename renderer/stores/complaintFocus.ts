import { create } from 'zustand';
import { useNav } from './nav.ts';

// What the inbox asked the 投诉处理 tab to open: a complaint (its drawer) or the person's own invitations to state
// their side. The tab takes it once and clears it, like the 好差评 tab's rectificationFocus. Not persisted.

export type ComplaintFocusTarget = { kind: 'complaint'; complaintId: string } | { kind: 'statements' };

interface ComplaintFocus {
  target: ComplaintFocusTarget | undefined;
  open(target: ComplaintFocusTarget): void;
  taken(): void;
}

export const useComplaintFocus = create<ComplaintFocus>()((set) => ({
  target: undefined,
  open: (target) => {
    set({ target });
    useNav.getState().go('complaints');
  },
  taken: () => set({ target: undefined }),
}));
