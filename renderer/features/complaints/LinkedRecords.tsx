import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplaintLink } from '../../../shared/model/complaintEvents.ts';
import { useDesk } from '../../app/context.tsx';
import { linkKey } from '../../data/complaints/recordSearch.ts';
import { useLinkedRecords } from '../../data/complaints/recordReads.ts';
import { linkLabel } from './linkLabel.ts';

/** The records a complaint or a finding names, read-only: labelled from this desk's records where it holds them. */
export function LinkedRecords({ links, label }: { links: readonly ComplaintLink[]; label: string }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const held = useLinkedRecords(db, links);
  if (links.length === 0) return null;
  return (
    <Group gap={6} role="list" aria-label={label}>
      {links.map((link) => (
        <Badge
          key={linkKey(link)}
          role="listitem"
          variant="light"
          color={held?.has(linkKey(link)) ? 'blue' : 'gray'}
          tt="none"
          style={{ maxWidth: '100%' }}
        >
          {linkLabel(t, link, held?.get(linkKey(link)))}
        </Badge>
      ))}
    </Group>
  );
}
