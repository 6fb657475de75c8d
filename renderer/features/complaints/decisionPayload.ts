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
  readonly gravity: Readonly<Record<string, ComplaintGravity>>;
  readonly reason: string;
}

/**
 * The decision form's values as the payload. Founded: each accused person with at least one measure ticked, in the
 * order they were named (one ticked none: the decision names no measure for them); unfounded carries no measure at
 * all, whatever was ticked before the outcome changed.
 */
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
      .map((id) => ({ staffId: id, measures: [...(v.measures[id] ?? [])], gravity: v.gravity[id] ?? 'ordinary' })),
    reason: v.reason,
  };
}
