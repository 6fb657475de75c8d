import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistHow } from '../../../shared/model/contactEvents.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { checklistText } from '../../../shared/rules/slips/checklist.ts';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useServiceItems } from '../../data/caseHooks.ts';
import type { ContactRow } from '../../data/db.ts';
import { useSettings } from '../../data/hooks.ts';
import { invalid, recordChecklistGiven } from '../../data/operations.ts';
import { useAuthor } from '../../stores/session.ts';
import type { SlipPreviewMode } from '../slips/SlipPreview.tsx';
import { useDeskForm } from '../../forms/useDeskForm.ts';

// The preview brings the print templates: loaded only when the clerk prints.
const SlipPreview = lazy(async () => ({ default: (await import('../slips/SlipPreview.tsx')).SlipPreview }));

/**
 * art. 10 at first inquiry: "what do I need?" is answered from the contact itself — the item's checklist printed,
 * read out, or copied into a message — and each records which item and catalog version was given. No case is opened.
 */
export function ChecklistPanel({ contact, staff }: { contact: ContactRow; staff: Staff }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const settings = useSettings(db);
  const items = (useServiceItems(db) ?? []).filter((i) => i.item.active);
  const { form, busy, formError, field, submit } = useDeskForm({
    initialValues: { serviceItemId: null as string | null },
  });
  const itemId = form.getValues().serviceItemId;
  const [printing, setPrinting] = useState<SlipPreviewMode | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const chosen = items.find((i) => i.item.id === itemId);
  const text = chosen && settings ? checklistText(chosen.item, chosen.rev, settings) : '';
  const nameOf = (id: string) => items.find((i) => i.item.id === id)?.item.name ?? id;

  const record = (how: ChecklistHow) =>
    void submit(
      async () => {
        if (!chosen) throw invalid('serviceItemId', 'serviceItemRequired');
        await recordChecklistGiven(db, author, contact.contactId, {
          serviceItemId: chosen.item.id,
          catalogRev: chosen.rev,
          how,
        });
      },
      {
        success: chosen
          ? t('checklist.recorded', { item: chosen.item.name, rev: chosen.rev, how: t(`checklist.how.${how}`) })
          : undefined,
        keep: true,
      },
    );

  const copy = async () => {
    setCopyError(null);
    if (!chosen) return record('message');
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      // Nothing is recorded when the text never reached the clipboard.
      setCopyError(t('checklist.copyFailed', { message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    record('message');
  };

  const print = () => {
    if (!chosen) return void submit(() => Promise.reject(invalid('serviceItemId', 'serviceItemRequired')));
    setPrinting({
      type: 'issue',
      request: {
        kind: 'checklist',
        contactId: contact.contactId,
        serviceItemId: chosen.item.id,
        catalogRev: chosen.rev,
      },
      title: t('slips.kinds.checklist'),
    });
  };

  return (
    <Paper withBorder p="md" data-testid="checklist-panel">
      <Stack gap="xs">
        <Title order={5}>{t('checklist.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('checklist.hint')}
        </Text>
        <Select
          label={t('checklist.item')}
          data={items.map((i) => ({
            value: i.item.id,
            label: t('checklist.itemOption', { name: i.item.name, rev: i.rev }),
          }))}
          {...field('serviceItemId')}
          searchable
        />
        {text && <Textarea label={t('checklist.text')} value={text} readOnly autosize minRows={4} maxRows={12} />}
        <Group gap="xs">
          <Button variant="light" onClick={print} disabled={busy}>
            {t('checklist.print')}
          </Button>
          <Button variant="light" onClick={() => record('readOut')} loading={busy}>
            {t('checklist.readOut')}
          </Button>
          <Button variant="light" onClick={() => void copy()} loading={busy} disabled={Boolean(chosen) && !text}>
            {t('checklist.copy')}
          </Button>
        </Group>
        {formError && <Alert color="red">{formError}</Alert>}
        {copyError && <Alert color="red">{copyError}</Alert>}
        {contact.checklists.length > 0 && (
          <Stack gap={2} aria-label={t('checklist.given')}>
            {contact.checklists.map((c) => (
              <Text size="sm" key={c.eventId}>
                {t('checklist.given')}：
                {t('contact.timelineChecklist', {
                  item: nameOf(c.serviceItemId),
                  rev: c.catalogRev,
                  how: t(`checklist.how.${c.how}`),
                })}{' '}
                <Text span size="xs" c="dimmed">
                  {formatDateTime(c.at)}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      {printing && (
        <Suspense fallback={null}>
          <SlipPreview mode={printing} staff={staff} onClose={() => setPrinting(null)} />
        </Suspense>
      )}
    </Paper>
  );
}
