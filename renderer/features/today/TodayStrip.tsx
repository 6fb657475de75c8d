import type { Staff } from '../../../shared/model/reference.ts';

/** This window's and this clerk's numbers for today (issue 15, point 4): being built. */
export function TodayStrip({ staff }: { staff: Staff }) {
  return <span hidden data-staff={staff.id} />;
}
