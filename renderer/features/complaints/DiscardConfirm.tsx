import { Button, Group, Modal, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A drawer's × with something typed in it: ask first, 继续填写 being the default (focused, Enter and Escape keep the
 * draft), so one click on × never throws away a complaint or a reason being written.
 */
export function useDiscardConfirm(dirty: boolean, close: () => void): { requestClose: () => void; confirm: ReactNode } {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const requestClose = () => (dirty ? setAsking(true) : close());
  const confirm = (
    <Modal
      opened={asking}
      onClose={() => setAsking(false)}
      title={t('complaint.discard.title')}
      centered
      zIndex={400}
      data-testid="complaint-discard"
    >
      <Text size="sm">{t('complaint.discard.body')}</Text>
      <Group justify="flex-end" mt="md">
        <Button
          color="red"
          variant="subtle"
          onClick={() => {
            setAsking(false);
            close();
          }}
        >
          {t('complaint.discard.discard')}
        </Button>
        <Button data-autofocus onClick={() => setAsking(false)}>
          {t('complaint.discard.keep')}
        </Button>
      </Group>
    </Modal>
  );
  return { requestClose, confirm };
}
