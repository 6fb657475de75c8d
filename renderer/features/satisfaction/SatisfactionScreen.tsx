import { Paper, Tabs } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useRatingViews } from '../../data/rating/ratingViewHooks.ts';
import type { RectificationItem } from '../../data/rating/rectificationItems.ts';
import { useRectificationFocus } from '../../stores/rectificationFocus.ts';
import { ContactDrawer } from '../contact/ContactDrawer.tsx';
import { FollowUpDrawer } from '../followUp/FollowUpDrawer.tsx';
import { AppealsTab } from './AppealsTab.tsx';
import { RatingDrawer } from './RatingDrawer.tsx';
import { RatingRecords } from './RatingRecords.tsx';
import { RectificationBoard } from './RectificationBoard.tsx';

type Tab = 'rectify' | 'appeals' | 'records';

/** Those whose work is rectifying bad ratings start there; everyone else starts at their own ratings. */
function firstTab(staff: Staff): Tab {
  return staff.roles.some((r) => r === 'supervisor' || r === 'leader' || r === 'deptHead') ? 'rectify' : 'records';
}

/** 好差评: 差评整改, 申诉复核 and 评价记录 (issue 13 points 5–6). */
export function SatisfactionScreen({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const views = useRatingViews(db) ?? [];
  // A rectification the inbox asked to open (the screen mounts when shown): opened on the 差评整改 tab, taken once.
  const [focus] = useState(() => useRectificationFocus.getState().target);
  useEffect(() => {
    if (focus) useRectificationFocus.getState().taken();
  }, [focus]);
  const [tab, setTab] = useState<Tab>(focus ? 'rectify' : firstTab(staff));
  const [ratingKey, setRatingKey] = useState<string | undefined>(focus?.origin === 'rating' ? focus.key : undefined);
  const [followUpId, setFollowUpId] = useState<string | undefined>(
    focus?.origin === 'followUp' ? focus.subjectId : undefined,
  );
  const [contactId, setContactId] = useState<string>();
  const open = (item: RectificationItem) =>
    item.target.origin === 'rating' ? setRatingKey(item.target.key) : setFollowUpId(item.target.subjectId);
  const openService = (id: string) => {
    setRatingKey(undefined);
    setContactId(id);
  };
  return (
    <Paper withBorder p="md">
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="rectify">{t('satisfaction.tabs.rectify')}</Tabs.Tab>
          <Tabs.Tab value="appeals">{t('satisfaction.tabs.appeals')}</Tabs.Tab>
          <Tabs.Tab value="records">{t('satisfaction.tabs.records')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rectify">
          <RectificationBoard staff={staff} onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="appeals">
          <AppealsTab staff={staff} views={views} onOpen={setRatingKey} />
        </Tabs.Panel>
        <Tabs.Panel value="records">
          <RatingRecords staff={staff} views={views} onOpen={setRatingKey} />
        </Tabs.Panel>
      </Tabs>
      <RatingDrawer
        ratingKey={ratingKey}
        staff={staff}
        onClose={() => setRatingKey(undefined)}
        onOpenService={openService}
      />
      <FollowUpDrawer subjectId={followUpId} staff={staff} onClose={() => setFollowUpId(undefined)} />
      <ContactDrawer contactId={contactId} staff={staff} onClose={() => setContactId(undefined)} />
    </Paper>
  );
}
