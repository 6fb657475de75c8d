import { create } from 'zustand';

export type Screen =
  | 'register'
  | 'inbox'
  | 'cases'
  | 'followUps'
  | 'satisfaction'
  | 'complaints'
  | 'reports'
  | 'publicCommitment'
  | 'endOfDay'
  | 'admin';

/** Which screen the desk shows; not persisted (a reload starts at the register). */
interface NavState {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNav = create<NavState>()((set) => ({ screen: 'register', go: (screen) => set({ screen }) }));
