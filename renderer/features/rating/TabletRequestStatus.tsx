import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TabletRequestView } from './tabletRequests.ts';

/** What the clerk is told about a rating asked of the tablet, beyond the 等待评价 badge. */
export function TabletRequestStatus({ view, onLocalPad }: { view: TabletRequestView; onLocalPad(): void }) {
  const { t } = useTranslation();
  switch (view.kind) {
    case 'sending':
      return null;
    case 'waiting':
      if (view.trouble) return <Alert color="yellow">{t('rating.tablet.trouble')}</Alert>;
      // Nobody polled lately and nothing is shown: the tablet is off or shows another page.
      if (!view.listening && !view.shown) return <Alert color="yellow">{t('rating.tablet.notListening')}</Alert>;
      return null;
    case 'unreachable':
      return (
        <Alert color="yellow">
          <Stack gap="xs" align="flex-start">
            {t('rating.tablet.unreachable')}
            <Button size="xs" variant="default" onClick={onLocalPad}>
              {t('rating.tablet.useLocalPad')}
            </Button>
          </Stack>
        </Alert>
      );
    case 'ended':
      return <Alert color="yellow">{t('rating.tablet.ended')}</Alert>;
    case 'alreadyRated':
      return <Alert color="yellow">{t('rating.desk.alreadyRated')}</Alert>;
    case 'failed':
      return <Alert color="red">{t('rating.desk.failed', { reason: t(view.reason) })}</Alert>;
  }
}
