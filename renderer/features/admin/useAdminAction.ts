import { useAction } from '../contact/useAction.ts';
import { adminFieldErrors } from './adminErrors.ts';

/** The desk's form action, with the admin screens' messages (catalog and calendar schema errors). */
export function useAdminAction() {
  return useAction(adminFieldErrors);
}
