import { Grid } from '@mantine/core';
import { useState } from 'react';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAllStaff, useContactsOfDay } from '../../data/hooks.ts';
import { dayOf, localIso } from '../../data/time.ts';
import { ContactDrawer } from '../contact/ContactDrawer.tsx';
import { ContactForm } from './ContactForm.tsx';
import { TodayList } from './TodayList.tsx';

export function RegisterScreen({ staff }: { staff: Staff }) {
  const { db } = useDesk();
  const today = dayOf(localIso());
  const contacts = useContactsOfDay(db, today) ?? [];
  const allStaff = useAllStaff(db) ?? [];
  const staffById = new Map(allStaff.map((s) => [s.id, s]));
  const [openId, setOpenId] = useState<string>();
  return (
    <>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ContactForm staff={staff} onOpenContact={setOpenId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <TodayList contacts={contacts} staffById={staffById} onOpen={setOpenId} />
        </Grid.Col>
      </Grid>
      <ContactDrawer contactId={openId} staff={staff} onClose={() => setOpenId(undefined)} />
    </>
  );
}
