import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isBadLevel } from '../../../shared/model/satisfaction.ts';
import { OpenableRow } from '../../app/OpenableRow.tsx';
import { useDesk } from '../../app/context.tsx';
import { useDirectory } from '../../data/hooks.ts';
import type { RatingView } from '../../data/rating/ratingViews.ts';

/** The appeal of a rating in a word: none, pending, upheld (无效) or not (维持差评). */
export function appealStatus(view: RatingView): 'none' | 'pending' | 'upheld' | 'rejected' {
  const appeal = view.state.appeal;
  if (!appeal) return 'none';
  if (!appeal.decision) return 'pending';
  return appeal.decision.upheld ? 'upheld' : 'rejected';
}

/** Ratings as rows: day, level, source, rated person, department, service, validity and appeal; Enter opens one. */
export function RatingTable({
  views,
  label,
  onOpen,
}: {
  views: readonly RatingView[];
  label: string;
  onOpen: (key: string) => void;
}) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const directory = useDirectory(db);
  return (
    <Table highlightOnHover verticalSpacing="xs" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('satisfaction.column.ratedOn')}</Table.Th>
          <Table.Th>{t('satisfaction.column.level')}</Table.Th>
          <Table.Th>{t('satisfaction.column.source')}</Table.Th>
          <Table.Th>{t('satisfaction.column.rated')}</Table.Th>
          <Table.Th>{t('satisfaction.column.department')}</Table.Th>
          <Table.Th>{t('satisfaction.column.matter')}</Table.Th>
          <Table.Th>{t('satisfaction.column.validity')}</Table.Th>
          <Table.Th>{t('satisfaction.column.appeal')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {views.map((view) => {
          const { state } = view;
          const status = appealStatus(view);
          return (
            <OpenableRow key={state.ratingKey} onOpen={() => onOpen(state.ratingKey)}>
              <Table.Td>{state.ratedOn}</Table.Td>
              <Table.Td>
                <Text size="sm" c={isBadLevel(state.level) ? 'red' : undefined}>
                  {t(`followUp.level.${state.level ?? 'declined'}`)}
                </Text>
              </Table.Td>
              <Table.Td>{t(`satisfaction.source.${state.source}`)}</Table.Td>
              <Table.Td>{directory?.staffById.get(state.ratedStaffId)?.name ?? state.ratedStaffId}</Table.Td>
              <Table.Td>{directory?.departments.find((d) => d.id === view.departmentId)?.name}</Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" lineClamp={1}>
                  {view.matter}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {state.invalid ? (
                    <Badge color="gray" data-testid="rating-validity">
                      {t('satisfaction.records.invalid')}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light" data-testid="rating-validity">
                      {t('satisfaction.records.valid')}
                    </Badge>
                  )}
                  {state.duplicateEventIds.length > 0 && (
                    <Badge color="yellow" variant="light">
                      {t('satisfaction.records.duplicate')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {/* Only a bad rating can be appealed: a good one shows nothing here rather than 未申诉. */}
              <Table.Td>
                {status === 'none' && !isBadLevel(state.level) ? '' : t(`satisfaction.appeal.status.${status}`)}
              </Table.Td>
            </OpenableRow>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
