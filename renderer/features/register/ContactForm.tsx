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
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent } from 'react';
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
import { fieldErrors } from '../contact/fieldErrors.ts';
import { MaterialsInput, type MaterialDraft } from './MaterialsInput.tsx';
import { ReturningVisitors, useFirstVisitorMatch } from './ReturningVisitors.tsx';
import { VisitorHistory } from './VisitorHistory.tsx';
import { LIMITS } from '../../../shared/model/limits.ts';

const EMPTY = { name: '', organisation: '', phone: '', idNumber: '', matter: '' };

/** Record a visit, call, letter or online message in seconds, from the keyboard alone. */
export function ContactForm({ staff, onOpenContact }: { staff: Staff; onOpenContact: (contactId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const directory = useActiveStaff(db);
  const [channel, setChannel] = useState<Channel>('visit');
  const [fields, setFields] = useState(EMPTY);
  const [asked, setAsked] = useState<string[]>([]);
  const [materials, setMaterials] = useState<MaterialDraft[]>([]);
  // The returning-visitor search follows whichever of name, phone or organisation the clerk typed last.
  const [visitorQuery, setVisitorQuery] = useState('');
  const [history, setHistory] = useState<VisitorMatch>();
  const firstMatch = useFirstVisitorMatch(visitorQuery);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const matterField = useRef<HTMLTextAreaElement>(null);

  // art. 7: among everyone asked together, the highest-ranked is first-inquiry responsible.
  const askedStaff = [staff, ...(directory ?? []).filter((s) => asked.includes(s.id) && s.id !== staff.id)];
  const responsible = firstInquiryResponsible(askedStaff) ?? staff;

  const set = (key: keyof typeof EMPTY) => (value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '', form: '' }));
    if (key === 'name' || key === 'phone' || key === 'organisation') setVisitorQuery(value);
  };

  function takeVisitor(v: VisitorMatch) {
    setFields((f) => ({ ...f, name: v.name ?? '', organisation: v.organisation ?? '', phone: v.phone ?? '' }));
    setVisitorQuery('');
    matterField.current?.focus();
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await recordContact(db, author, {
        channel,
        visitor: {
          name: fields.name,
          organisation: fields.organisation,
          phone: fields.phone,
          idNumber: fields.idNumber,
        },
        matter: fields.matter,
        materials: materials.filter((m) => m.name.trim() !== ''),
        askedStaffIds: asked as StaffId[],
      });
      notifications.show({
        color: 'teal',
        message: t('register.saved', { visitor: fields.name || fields.organisation }),
      });
      setFields(EMPTY);
      setAsked([]);
      setMaterials([]);
      setVisitorQuery('');
      setErrors({});
      firstField.current?.focus();
    } catch (error) {
      setErrors(fieldErrors(error, t, (k) => i18n.exists(k)));
    } finally {
      setSaving(false);
    }
  }

  useHotkeys(
    [
      ['mod+Enter', () => void submit()],
      ...CHANNELS.map((c, i) => [`alt+${i + 1}`, () => setChannel(c)] as [string, () => void]),
      ['alt+U', () => firstMatch && takeVisitor(firstMatch)],
      ['alt+H', () => firstMatch && setHistory(firstMatch)],
    ],
    [],
  );

  const staffOptions = (directory ?? [])
    .filter((s) => s.id !== staff.id)
    .map((s) => ({ value: s.id, label: `${s.name}（${s.title}）` }));

  return (
    <Paper withBorder p="md">
      <form ref={formRef} onSubmit={submit} aria-label={t('register.newContact')}>
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
            value={channel}
            onChange={(v) => setChannel(v as Channel)}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
          <Group grow align="flex-start">
            <TextInput
              ref={firstField}
              label={t('register.visitorName')}
              maxLength={LIMITS.personName}
              value={fields.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={errors.name}
              autoFocus
              autoComplete="off"
            />
            <TextInput
              label={t('register.phone')}
              maxLength={LIMITS.phone}
              value={fields.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={errors.phone}
              inputMode="tel"
              autoComplete="off"
            />
          </Group>
          <TextInput
            label={t('register.organisation')}
            maxLength={LIMITS.organisation}
            value={fields.organisation}
            onChange={(e) => set('organisation')(e.currentTarget.value)}
            error={errors.organisation}
            autoComplete="off"
          />
          <ReturningVisitors query={visitorQuery} onUse={takeVisitor} onHistory={setHistory} />
          <TextInput
            label={t('register.idNumber')}
            description={t('register.idNumberHint')}
            value={fields.idNumber}
            onChange={(e) => set('idNumber')(e.currentTarget.value)}
            error={errors.idNumber}
            autoComplete="off"
            maxLength={LIMITS.idNumber}
          />
          <Textarea
            ref={matterField}
            label={t('register.matter')}
            maxLength={LIMITS.matter}
            placeholder={t('register.matterPlaceholder')}
            value={fields.matter}
            onChange={(e) => set('matter')(e.currentTarget.value)}
            error={errors.matter}
            autosize
            minRows={3}
            maxRows={8}
          />
          <MaterialsInput value={materials} onChange={setMaterials} error={errors.materials} />
          <MultiSelect
            label={t('register.askedTogether')}
            description={t('register.askedTogetherHint')}
            data={staffOptions}
            value={asked}
            onChange={setAsked}
            searchable
            clearable
            error={errors.askedStaffIds}
          />
          <Text size="md" data-testid="responsible">
            {t('register.responsible')}：
            <Text span fw={700}>
              {responsible.name}（{responsible.title}）
            </Text>
          </Text>
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          <Button type="submit" size="lg" loading={saving}>
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
