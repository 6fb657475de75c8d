import { Badge, Button, Group, Popover, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useTodayNumbers } from '../../data/today.ts';
import { useNav } from '../../stores/nav.ts';
import { DaySummary } from './DaySummary.tsx';
import { useToday } from './useToday.ts';

/**
 * This window's numbers for today in the header (issue 15, point 4): registered, disposed, waiting (art. 8–9), and
 * badges for this person's transfers to accept and cases due soon when there are any. It opens the day's summary.
 */
export function TodayStrip({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const numbers = useTodayNumbers(db, staff, useToday());
  const { go } = useNav();
  const [opened, setOpened] = useState(false);
  if (!numbers) return null;
  const { registered, disposed, waiting } = numbers.window;
  const figure = (key: 'registered' | 'disposed' | 'waiting', value: number) => (
    <Text span size="sm" c={key === 'waiting' && value > 0 ? 'orange.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {t(`today.${key}`)}{' '}
      <Text span fw={700} data-testid={`today-strip-${key}`}>
        {value}
      </Text>
    </Text>
  );
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      withArrow
      shadow="md"
      width={420}
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((o) => !o)}
          aria-label={t('today.stripLabel', { registered, disposed, waiting })}
          aria-expanded={opened}
          data-testid="today-strip"
        >
          <Group gap={8} wrap="nowrap">
            <Text span size="sm" c="dimmed">
              {t('today.label')}
            </Text>
            {figure('registered', registered)}
            {figure('disposed', disposed)}
            {figure('waiting', waiting)}
            {numbers.transfers.total > 0 && (
              <Badge size="sm" color="orange" variant="light" data-testid="today-strip-transfers">
                {t('today.transfersBadge', { count: numbers.transfers.total })}
              </Badge>
            )}
            {numbers.casesDue.total > 0 && (
              <Badge
                size="sm"
                color={numbers.casesDue.overdue > 0 ? 'red' : 'yellow'}
                variant="light"
                data-testid="today-strip-cases"
              >
                {t('today.casesBadge', { count: numbers.casesDue.total })}
              </Badge>
            )}
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <DaySummary numbers={numbers} />
        <Group justify="flex-end" mt="xs">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              setOpened(false);
              go('endOfDay');
            }}
          >
            {t('today.openEndOfDay')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
