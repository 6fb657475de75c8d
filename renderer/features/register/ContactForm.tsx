import {
  Alert,
  Button,
  Group,
  Kbd,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../shared/model/contactEvents.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { firstInquiryResponsible } from '../../../shared/rules/contact.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import { useActiveStaff } from '../../data/hooks.ts';
import { recordContact } from '../../data/operations.ts';
import type { VisitorMatch } from '../../data/visitors.ts';
import { useDeskForm } from '../../forms/useDeskForm.ts';
import { MaterialsInput, type MaterialDraft } from './MaterialsInput.tsx';
import { ReturningVisitors, useFirstVisitorMatch } from './ReturningVisitors.tsx';
import { VisitorHistory } from './VisitorHistory.tsx';
import { LIMITS } from '../../../shared/model/limits.ts';

/** What the clerk types for one contact; the channel stays chosen for the next visitor. */
const EMPTY = {
  channel: 'visit' as Channel,
  name: '',
  organisation: '',
  phone: '',
  idNumber: '',
  matter: '',
  materials: [] as MaterialDraft[],
  askedStaffIds: [] as string[],
};
type VisitorField = 'name' | 'phone' | 'organisation';

/** Record a visit, call, letter or online message in seconds, from the keyboard alone. */
export function ContactForm({ staff, onOpenContact }: { staff: Staff; onOpenContact: (contactId: string) => void }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const directory = useActiveStaff(db);
  const { form, busy, formError, field, submit: run } = useDeskForm({ initialValues: EMPTY });
  const values = form.getValues();
  // The returning-visitor search follows whichever of name, phone or organisation the clerk typed last.
  const [visitorQuery, setVisitorQuery] = useState('');
  const [history, setHistory] = useState<VisitorMatch>();
  const firstMatch = useFirstVisitorMatch(visitorQuery);
  const firstField = useRef<HTMLInputElement>(null);
  const matterField = useRef<HTMLTextAreaElement>(null);

  // art. 7: among everyone asked together, the highest-ranked is first-inquiry responsible.
  const asked = values.askedStaffIds;
  const askedStaff = [staff, ...(directory ?? []).filter((s) => asked.includes(s.id) && s.id !== staff.id)];
  const responsible = firstInquiryResponsible(askedStaff) ?? staff;

  const visitorField = (key: VisitorField) => {
    const props = form.getInputProps(key);
    return {
      ...props,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        props.onChange(e);
        setVisitorQuery(e.currentTarget.value);
      },
    };
  };

  function takeVisitor(v: VisitorMatch) {
    form.setValues({ name: v.name ?? '', organisation: v.organisation ?? '', phone: v.phone ?? '' });
    setVisitorQuery('');
    matterField.current?.focus();
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const typed = form.getValues();
    const saved = await run(
      (v) =>
        recordContact(db, author, {
          channel: v.channel,
          visitor: { name: v.name, organisation: v.organisation, phone: v.phone, idNumber: v.idNumber },
          matter: v.matter,
          materials: v.materials.filter((m) => m.name.trim() !== ''),
          askedStaffIds: v.askedStaffIds as StaffId[],
        }),
      { success: t('register.saved', { visitor: typed.name || typed.organisation }), keep: ['channel'] },
    );
    if (!saved) return;
    setVisitorQuery('');
    firstField.current?.focus();
  }

  // From within this form only: a key pressed in a drawer or dialog over the register belongs to that drawer, and
  // must never register the half-typed visitor behind it (a registration cannot be undone).
  function hotkeys(event: KeyboardEvent<HTMLFormElement>) {
    getHotkeyHandler([
      ['mod+Enter', () => void submit()],
      ...CHANNELS.map((c, i) => [`alt+${i + 1}`, () => form.setFieldValue('channel', c)] as [string, () => void]),
      ['alt+U', () => firstMatch && takeVisitor(firstMatch)],
      ['alt+H', () => firstMatch && setHistory(firstMatch)],
    ])(event);
  }

  const staffOptions = (directory ?? [])
    .filter((s) => s.id !== staff.id)
    .map((s) => ({ value: s.id, label: `${s.name}（${s.title}）` }));

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} onKeyDown={hotkeys} aria-label={t('register.newContact')}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('register.newContact')}</Title>
            <Text size="xs" c="dimmed">
              <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> · <Kbd>Alt</Kbd>+<Kbd>1…4</Kbd>
            </Text>
          </Group>
          <SegmentedControl
            aria-label={t('register.channel')}
            fullWidth
            {...form.getInputProps('channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
          <Group grow align="flex-start">
            <TextInput
              ref={firstField}
              label={t('register.visitorName')}
              maxLength={LIMITS.personName}
              {...visitorField('name')}
              autoFocus
              autoComplete="off"
            />
            <TextInput
              label={t('register.phone')}
              maxLength={LIMITS.phone}
              {...visitorField('phone')}
              inputMode="tel"
              autoComplete="off"
            />
          </Group>
          <TextInput
            label={t('register.organisation')}
            maxLength={LIMITS.organisation}
            {...visitorField('organisation')}
            autoComplete="off"
          />
          <ReturningVisitors query={visitorQuery} onUse={takeVisitor} onHistory={setHistory} />
          <TextInput
            label={t('register.idNumber')}
            description={t('register.idNumberHint')}
            {...form.getInputProps('idNumber')}
            autoComplete="off"
            maxLength={LIMITS.idNumber}
          />
          <Textarea
            ref={matterField}
            label={t('register.matter')}
            maxLength={LIMITS.matter}
            placeholder={t('register.matterPlaceholder')}
            {...form.getInputProps('matter')}
            autosize
            minRows={3}
            maxRows={8}
          />
          <MaterialsInput {...field('materials')} />
          <MultiSelect
            label={t('register.askedTogether')}
            description={t('register.askedTogetherHint')}
            data={staffOptions}
            {...form.getInputProps('askedStaffIds')}
            searchable
            clearable
          />
          <Text size="md" data-testid="responsible">
            {t('register.responsible')}：
            <Text span fw={700}>
              {responsible.name}（{responsible.title}）
            </Text>
          </Text>
          {formError && <Alert color="red">{formError}</Alert>}
          <Button type="submit" size="lg" loading={busy}>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
      <VisitorHistory
        visitor={history}
        onClose={() => setHistory(undefined)}
        onOpenContact={(id) => {
          setHistory(undefined);
          onOpenContact(id);
        }}
      />
    </Paper>
  );
}
