import { Badge, Drawer, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import type { VisitorMatch } from '../../data/visitors.ts';
import { useVisitorContacts } from '../../data/visitorHooks.ts';
import { STATUS_COLOR } from '../contact/status.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';

/** A returning visitor's earlier contacts, newest first; open one to see how it was handled. */
export function VisitorHistory({
  visitor,
  onClose,
  onOpenContact,
}: {
  visitor: VisitorMatch | undefined;
  onClose: () => void;
  onOpenContact: (contactId: string) => void;
}) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const contacts = useVisitorContacts(db, visitor?.visitorKey) ?? [];
  return (
    <Drawer
      opened={Boolean(visitor)}
      onClose={onClose}
      position="left"
      size="lg"
      title={[visitor?.name, visitor?.organisation].filter(Boolean).join(' · ')}
    >
      <Table highlightOnHover aria-label={t('visitor.history')}>
        <Table.Tbody>
          {contacts.map((c) => (
            <OpenableRow key={c.contactId} onOpen={() => onOpenContact(c.contactId)}>
              <Table.Td>{formatDateTime(c.openedAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {c.matter}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[c.status]} variant="light">
                  {t(`status.${c.status}`)}
                </Badge>
              </Table.Td>
            </OpenableRow>
          ))}
        </Table.Tbody>
      </Table>
    </Drawer>
  );
}
