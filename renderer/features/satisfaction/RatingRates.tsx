import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { satisfactionRates, validRatingOutcomes, type Rate } from '../../../shared/rules/rates.ts';
import type { RatingView } from '../../data/rating/ratingViews.ts';

const SHOWN = ['goodRate', 'badRate', 'unratedRate', 'badFollowedUpRate', 'rectifiedRate'] as const;

/**
 * The rates of the ratings listed (shared/rules/rates.ts, each with its numerator and denominator): invalid ratings
 * and duplicates are left out by the shared rule itself, so this view never filters them twice.
 */
export function RatingRates({ views }: { views: readonly RatingView[] }) {
  const { t } = useTranslation();
  const rates = satisfactionRates(validRatingOutcomes(views.map((v) => v.state)));
  const shown = (r: Rate) =>
    r.value === null
      ? t('followUp.rate.none')
      : t('satisfaction.records.rate', {
          percent: `${(r.value * 100).toFixed(1)}%`,
          fraction: t('followUp.rate.fraction', { numerator: r.numerator, denominator: r.denominator }),
        });
  return (
    <Group gap="lg" data-testid="rating-rates">
      {SHOWN.map((key) => (
        <Text key={key} size="sm">
          {t(`followUp.rate.${key}`)} {shown(rates[key])}
        </Text>
      ))}
    </Group>
  );
}
