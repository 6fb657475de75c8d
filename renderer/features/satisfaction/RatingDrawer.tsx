import { Divider, Drawer, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { isBadLevel } from '../../../shared/model/satisfaction.ts';
import { mayAppealRating, mayDecideAppeal } from '../../../shared/rules/followUpPermissions.ts';
import { ProvenOnly } from '../../app/ProvenOnly.tsx';
import { useDesk } from '../../app/context.tsx';
import { useDirectory } from '../../data/hooks.ts';
import { useRatingView } from '../../data/rating/ratingViewHooks.ts';
import { AppealDecisionForm, AppealForm } from './AppealForms.tsx';
import { RatingSummary } from './RatingSummary.tsx';
import { RectificationPanel } from './RectificationPanel.tsx';

interface Props {
  readonly ratingKey: string | undefined;
  readonly staff: Staff;
  readonly onClose: () => void;
  readonly onOpenService: (contactId: string) => void;
}

/** One rating: what was given, its rectification when it is 差评, and its appeal (申诉复核). */
export function RatingDrawer({ ratingKey, staff, onClose, onOpenService }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const view = useRatingView(db, ratingKey);
  const directory = useDirectory(db);
  const state = view?.state;
  const decision = state?.appeal?.decision;
  return (
    <Drawer
      opened={Boolean(ratingKey)}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('satisfaction.rating.title')}
    >
      {view && state && (
        <Stack gap="md">
          <RatingSummary view={view} onOpenService={onOpenService} />
          {isBadLevel(state.level) && (
            <>
              <Divider />
              <RectificationPanel staff={staff} target={{ origin: 'rating', key: state.ratingKey }} />
            </>
          )}
          {(state.appeal || mayAppealRating(staff.id, state)) && (
            <>
              <Divider />
              <Title order={5}>{t('satisfaction.tabs.appeals')}</Title>
              {state.appeal && (
                <Text size="sm" data-testid="appeal-reason">
                  {t('satisfaction.appeal.reason')}：{state.appeal.reason}
                </Text>
              )}
              {decision && (
                <Text size="sm" data-testid="appeal-decision">
                  {t('satisfaction.appeal.decidedLine', {
                    decision: t(decision.upheld ? 'satisfaction.appeal.upheld' : 'satisfaction.appeal.notUpheld'),
                    reason: decision.reason,
                    name: directory?.staffById.get(decision.by)?.name ?? decision.by,
                  })}
                </Text>
              )}
              {mayAppealRating(staff.id, state) && (
                <>
                  <Text size="xs" c="dimmed">
                    {t('satisfaction.appeal.who')}
                  </Text>
                  <AppealForm staff={staff} ratingKey={state.ratingKey} />
                </>
              )}
              {mayDecideAppeal(staff, state) && (
                <ProvenOnly staff={staff}>
                  <AppealDecisionForm staff={staff} ratingKey={state.ratingKey} />
                </ProvenOnly>
              )}
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
