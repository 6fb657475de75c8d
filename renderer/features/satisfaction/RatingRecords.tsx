import { Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { ratingsInPeriod, ratingsVisibleTo } from '../../data/rating/ratingLists.ts';
import type { RatingView } from '../../data/rating/ratingViews.ts';
import { RatingRates } from './RatingRates.tsx';
import { RatingTable } from './RatingTable.tsx';

/** 评价记录: the ratings this person may see (their own; a department's; all), for a period. */
export function RatingRecords({
  staff,
  views,
  onOpen,
}: {
  staff: Staff;
  views: readonly RatingView[];
  onOpen: (key: string) => void;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const shown = ratingsInPeriod(ratingsVisibleTo(staff, views), from, to);
  return (
    <Stack gap="sm">
      <Group align="end">
        <TextInput
          type="date"
          label={t('satisfaction.records.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('satisfaction.records.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Text size="sm" c="dimmed">
          {t('satisfaction.records.count', { count: shown.length })}
        </Text>
      </Group>
      {shown.length > 0 && <RatingRates views={shown} />}
      {shown.length === 0 ? (
        <Text c="dimmed">{t('satisfaction.records.empty')}</Text>
      ) : (
        <RatingTable views={shown} label={t('satisfaction.tabs.records')} onOpen={onOpen} />
      )}
    </Stack>
  );
}
