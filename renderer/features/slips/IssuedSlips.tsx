import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlipRow } from '../../data/db.ts';

/**
 * The slips already given to the applicant for this case or contact — the record 一次性告知 must be able to
 * show — each with its serial, and a reprint that prints the very same paper again.
 */
export function IssuedSlips({ slips, onReprint }: { slips: readonly SlipRow[]; onReprint: (row: SlipRow) => void }) {
  const { t } = useTranslation();
  if (slips.length === 0) return null;
  return (
    <Stack gap={4} aria-label={t('slips.issued')} role="list">
      <Text size="xs" c="dimmed">
        {t('slips.issued')}
      </Text>
      {slips.map((row) => (
        <Group key={row.slipId} gap="xs" role="listitem" data-testid="issued-slip" wrap="nowrap">
          <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
            {t('slips.issuedLine', { title: row.title, serial: row.serial, date: row.issuedOn })}
          </Text>
          {row.reprints > 0 && (
            <Badge variant="light" color="orange" data-testid="slip-reprints">
              {t('slips.reprintBadge', { count: row.reprints })}
            </Badge>
          )}
          <Button size="compact-xs" variant="default" onClick={() => onReprint(row)}>
            {t('slips.reprint')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
