import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table row that opens what it shows, by click or by Enter once tabbed to: the clerk's keyboard path. */
export function OpenableRow({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  return (
    <Table.Tr
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
    >
      {children}
    </Table.Tr>
  );
}
