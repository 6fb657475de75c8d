// A tiny seeded generator for property tests and benches: the same seed gives the same cases on every run,
// so a failure can be replayed. mulberry32, 32-bit state.
import { addDays, type IsoDate } from '../../../../shared/rules/isoDate.ts';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A day in [from, to], both inclusive. */
  date(from: IsoDate, to: IsoDate): IsoDate;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const date = (from: IsoDate, to: IsoDate): IsoDate => {
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    return addDays(from, int(0, span));
  };
  return { next, int, date };
}
