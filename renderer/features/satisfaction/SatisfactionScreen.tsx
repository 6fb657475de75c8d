import type { Staff } from '../../../shared/model/reference.ts';

/** 好差评: the ratings, their rectification and appeals (issue 13). Placeholder until the screen lands. */
export function SatisfactionScreen(_: { staff: Staff }) {
  return null;
}
