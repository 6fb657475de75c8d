import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { maskPhone } from '../../../shared/rules/phone.ts';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import type { VisitorMatch } from '../../data/visitors.ts';
import { useVisitorSearch } from '../../data/visitorHooks.ts';

/**
 * Visitors seen before, found as the clerk types a phone, a name or pinyin initials (zs → 张三).
 * Alt+U takes the first match's details; Alt+H opens its earlier contacts.
 */
export function ReturningVisitors({
  query,
  onUse,
  onHistory,
}: {
  query: string;
  onUse: (v: VisitorMatch) => void;
  onHistory: (v: VisitorMatch) => void;
}) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const matches = useVisitorSearch(db, query, 5) ?? [];
  if (query.trim().length < 2 || matches.length === 0) return null;
  return (
    <Paper withBorder p="xs" bg="yellow.0" aria-label={t('visitor.matches')}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('visitor.matches')} · Alt+U {t('visitor.use')} · Alt+H {t('visitor.history')}
        </Text>
        {matches.map((m, i) => (
          <Group key={m.visitorKey} justify="space-between" wrap="nowrap" data-testid="returning-visitor">
            <Group gap="xs" wrap="nowrap">
              {i === 0 && <Badge size="xs">{t('visitor.returning')}</Badge>}
              <Text size="sm" fw={500}>
                {[m.name, m.organisation].filter(Boolean).join(' · ')}
              </Text>
              <Text size="xs" c="dimmed">
                {[
                  m.phone && maskPhone(m.phone),
                  t('visitor.contacts', { count: m.contactCount }),
                  t('visitor.last', { date: formatDateTime(m.lastContactAt) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-xs" variant="light" onClick={() => onUse(m)}>
                {t('visitor.use')}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => onHistory(m)}>
                {t('visitor.history')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** The first match for the current query, for the Alt+U / Alt+H shortcuts. */
export function useFirstVisitorMatch(query: string): VisitorMatch | undefined {
  const { db } = useDesk();
  const matches = useVisitorSearch(db, query, 1);
  return query.trim().length >= 2 ? matches?.[0] : undefined;
}
