import { useDesk } from '../../app/context.tsx';
import { useDirectory } from '../../data/hooks.ts';

/** Names from the desk's directory; an id the desk does not know yet is shown as it is, never hidden. */
export function useNames() {
  const { db } = useDesk();
  const directory = useDirectory(db);
  return {
    staff: (id: string) => directory?.staffById.get(id)?.name ?? id,
    department: (id: string) => directory?.departments.find((d) => d.id === id)?.name ?? id,
  };
}
