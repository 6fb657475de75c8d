import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/context.tsx';
import { useNow } from '../../app/useNow.ts';
import { useCalendarYear } from '../../data/adminHooks.ts';
import { today } from '../../data/calendar.ts';
import { useDeskCalendar } from '../../data/calendarHooks.ts';
import { useAdminNav } from '../../stores/admin.ts';
import { useNav } from '../../stores/nav.ts';
import { useSession } from '../../stores/session.ts';

/** The State Council publishes next year's schedule from late October on; the banner starts in October. */
const FIRST_WARNING_MONTH = 10;

/**
 * From October on, warns everyone while next year's working-day schedule is not in force: deadlines that run
 * into that year are provisional until it is. Admins get the way to enter it, or to confirm a colleague's entry.
 */
export function CalendarBanner() {
  const { t } = useTranslation();
  const { db } = useDesk();
  const staff = useSession((s) => s.staff);
  const calendar = useDeskCalendar(db);
  useNow(); // re-check as the days pass while the desk stays open
  const day = today();
  const year = Number(day.slice(0, 4)) + 1;
  const view = useCalendarYear(db, year);
  if (Number(day.slice(5, 7)) < FIRST_WARNING_MONTH || calendar.isPublished(year)) return null;

  const pending = Boolean(view?.pending);
  const isAdmin = staff?.roles.includes('admin') === true;
  const open = () => {
    useAdminNav.getState().show('calendar', year);
    useNav.getState().go('admin');
  };
  return (
    <Alert color={pending ? 'blue' : 'yellow'} variant="light" mb="md" role="status" data-testid="calendar-banner">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t(pending ? 'admin.banner.pending' : 'admin.banner.missing', { year })}</Text>
        {isAdmin && (
          <Button size="xs" variant="light" onClick={open} style={{ flexShrink: 0 }}>
            {pending ? t('admin.banner.review') : t('admin.banner.open', { year })}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
