import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { hasAppealDeciderRole } from '../../../shared/rules/followUpPermissions.ts';
import type { RatingView } from '../../data/rating/ratingViews.ts';
import { appealsToDecide, decidedAppeals, ownBadRatings } from '../../data/rating/ratingLists.ts';
import { RatingTable } from './RatingTable.tsx';

/** 申诉复核: the rated person's own 差评 (to appeal), and for supervisors and leaders the appeals to decide. */
export function AppealsTab({
  staff,
  views,
  onOpen,
}: {
  staff: Staff;
  views: readonly RatingView[];
  onOpen: (key: string) => void;
}) {
  const { t } = useTranslation();
  const mine = ownBadRatings(staff, views);
  const decider = hasAppealDeciderRole(staff);
  const pending = appealsToDecide(staff, views);
  const decided = decider ? decidedAppeals(views) : [];
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('satisfaction.appeal.who')}
      </Text>
      {decider && (
        <section>
          <Title order={5} mb="xs">
            {t('satisfaction.appeal.pendingTitle')}
          </Title>
          {pending.length === 0 ? (
            <Text c="dimmed">{t('satisfaction.appeal.pendingEmpty')}</Text>
          ) : (
            <RatingTable views={pending} label={t('satisfaction.appeal.pendingTitle')} onOpen={onOpen} />
          )}
        </section>
      )}
      <section>
        <Title order={5} mb="xs">
          {t('satisfaction.appeal.mineTitle')}
        </Title>
        {mine.length === 0 ? (
          <Text c="dimmed">{t('satisfaction.appeal.mineEmpty')}</Text>
        ) : (
          <>
            <Text size="sm" mb="xs" data-testid="appeal-hint">
              {t('satisfaction.appeal.mineHint')}
            </Text>
            <RatingTable views={mine} label={t('satisfaction.appeal.mineTitle')} onOpen={onOpen} />
          </>
        )}
      </section>
      {decided.length > 0 && (
        <section>
          <Title order={5} mb="xs">
            {t('satisfaction.appeal.decidedTitle')}
          </Title>
          <RatingTable views={decided} label={t('satisfaction.appeal.decidedTitle')} onOpen={onOpen} />
        </section>
      )}
    </Stack>
  );
}
