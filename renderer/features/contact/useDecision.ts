import { useDesk } from '../../app/context.tsx';
import { fieldErrors } from './fieldErrors.ts';
import { useAction } from './useAction.ts';

/**
 * useAction for a privileged decision (a leader's, an admin's): once it is recorded, the desk syncs at once
 * instead of after the usual pause, so the decision reaches the server while its staff session is surely live.
 */
export function useDecision(toErrors: typeof fieldErrors = fieldErrors) {
  const { sync } = useDesk();
  const action = useAction(toErrors);
  async function run(decide: () => Promise<unknown>, success?: string): Promise<boolean> {
    const done = await action.run(decide, success);
    if (done) void sync.syncNow('write');
    return done;
  }
  return { ...action, run };
}
