import { useDecision } from '../contact/useDecision.ts';
import { adminFieldErrors } from './adminErrors.ts';

/**
 * The admin screens' form action (catalog and calendar: privileged decisions, synced at once), with their messages
 * (catalog and calendar schema errors).
 */
export function useAdminAction() {
  return useDecision(adminFieldErrors);
}
