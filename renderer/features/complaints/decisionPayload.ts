import type { z } from 'zod';
import type {
  ComplaintGravity,
  ComplaintGround,
  ComplaintMeasure,
  complaintDecidedPayload,
} from '../../../shared/model/complaintEvents.ts';

export interface DecisionValues {
  readonly outcome: 'unfounded' | 'founded';
  readonly ground: ComplaintGround;
  readonly measures: Readonly<Record<string, readonly ComplaintMeasure[]>>;
  /** Chosen per person given measures; '' until the leader chooses (never a silent 一般). */
  readonly gravity: Readonly<Record<string, ComplaintGravity | ''>>;
  readonly reason: string;
}

/**
 * The decision form's values as the payload. Founded: each accused person with at least one measure ticked, in the
 * order they were named (one ticked none: the decision names no measure for them); unfounded carries no measure at
 * all, whatever was ticked before the outcome changed.
 */
/**
 * What the decision form must say before it is sent, by field (message keys): a founded decision names its ground,
 * measures for at least one accused person (art. 33; HQ refuses it: measures-required), and the gravity of each
 * person given measures, chosen, not assumed. A decision about departments only names no measure.
 */
export function decisionCheck(
  v: Omit<DecisionValues, 'ground'> & { readonly ground: ComplaintGround | '' },
  accused: readonly string[],
): Record<string, string | undefined> {
  if (v.outcome !== 'founded') return {};
  const out: Record<string, string | undefined> = {};
  if (!v.ground) out.ground = 'groundRequired';
  const given = accused.filter((id) => (v.measures[id]?.length ?? 0) > 0);
  if (accused.length > 0 && given.length === 0) out.measures = 'measuresRequired';
  for (const id of given) if (!v.gravity[id]) out[`gravity.${id}`] = 'gravityRequired';
  return out;
}

export function decisionPayload(
  v: DecisionValues,
  accused: readonly string[],
): z.input<typeof complaintDecidedPayload> {
  if (v.outcome === 'unfounded') return { outcome: 'unfounded', reason: v.reason };
  return {
    outcome: 'founded',
    ground: v.ground,
    measures: accused
      .filter((id) => (v.measures[id]?.length ?? 0) > 0)
      // decisionCheck refused a missing gravity before: the schema refuses an empty one too, never defaults it.
      .map((id) => ({
        staffId: id,
        measures: [...(v.measures[id] ?? [])],
        gravity: (v.gravity[id] ?? '') as ComplaintGravity,
      })),
    reason: v.reason,
  };
}
