import { Alert, Button, Select, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { AgencyId, StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { useDesk } from '../../app/context.tsx';
import { useAuthor } from '../../stores/session.ts';
import type { ContactRow } from '../../data/db.ts';
import type { Directory } from '../../data/hooks.ts';
import {
  answerContact,
  escalateContact,
  proposeRefusal,
  referContact,
  transferContact,
} from '../../data/operations.ts';
import { FormSubmit } from '../../forms/FormSubmit.tsx';
import { useDeskForm, type BoundField, type DeskForm } from '../../forms/useDeskForm.ts';
import { useChecklistAnswer } from './useChecklistAnswer.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

interface Props {
  contact: ContactRow;
  staff: Staff;
  directory: Directory;
}

/** art. 8: no contact may end without one of these dispositions. */
export function DisposeTabs(props: Props) {
  const { t } = useTranslation();
  // The drafts live here, above the tabs (whose panels unmount when hidden): a reason typed under one tab is still
  // there after a look at another. The drawer keys this by contact, so a draft never follows the clerk to another.
  const leader: string | null = props.directory.leaders[0]?.id ?? null;
  const answer = useDeskForm({ initialValues: { answer: '', basis: '' } });
  const transfer = useDeskForm({
    initialValues: { toDepartmentId: null as string | null, toStaffId: null as string | null, note: '' },
    check: (v) => ({ toStaffId: v.toStaffId ? undefined : 'handlerRequired' }),
  });
  const refer = useDeskForm({
    initialValues: { agencyId: null as string | null, explanation: '' },
    check: (v) => ({ agencyId: v.agencyId ? undefined : 'agencyRequired' }),
  });
  const escalate = useDeskForm({ initialValues: { toLeaderId: leader, reason: '' }, check: leaderCheck });
  const refuse = useDeskForm({ initialValues: { toLeaderId: leader, reason: '', basis: '' }, check: leaderCheck });
  return (
    <Tabs defaultValue="answer" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="answer">{t('contact.answer')}</Tabs.Tab>
        <Tabs.Tab value="transfer">{t('contact.transfer')}</Tabs.Tab>
        <Tabs.Tab value="refer">{t('contact.refer')}</Tabs.Tab>
        <Tabs.Tab value="escalate">{t('contact.escalate')}</Tabs.Tab>
        <Tabs.Tab value="refuse">{t('contact.proposeRefusal')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="answer" pt="sm">
        <AnswerForm {...props} desk={answer} />
      </Tabs.Panel>
      <Tabs.Panel value="transfer" pt="sm">
        <TransferForm {...props} desk={transfer} />
      </Tabs.Panel>
      <Tabs.Panel value="refer" pt="sm">
        <ReferForm {...props} desk={refer} />
      </Tabs.Panel>
      <Tabs.Panel value="escalate" pt="sm">
        <EscalateForm {...props} desk={escalate} />
      </Tabs.Panel>
      <Tabs.Panel value="refuse" pt="sm">
        <RefusalForm {...props} desk={refuse} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** Ctrl+Enter from any field of one disposition saves that disposition, and nothing else (the register behind waits). */
const saveKey = (save: () => void) => getHotkeyHandler([['mod+Enter', save]]);

function AnswerForm({ contact, staff, desk }: Props & { desk: DeskForm<{ answer: string; basis: string }> }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, submit } = desk;
  const checklistAnswer = useChecklistAnswer(contact);
  const save = () => void submit((v) => answerContact(db, author, contact.contactId, v), { keep: true });
  return (
    <Stack gap="sm" onKeyDown={saveKey(save)}>
      {checklistAnswer && (
        // art. 10: once the checklist was given, answering says so in one key press.
        <Button variant="light" justify="flex-start" onClick={() => form.setFieldValue('answer', checklistAnswer.text)}>
          {checklistAnswer.label}
        </Button>
      )}
      <Textarea
        label={t('contact.answerText')}
        maxLength={LIMITS.answer}
        {...form.getInputProps('answer')}
        autosize
        minRows={3}
        data-autofocus
      />
      <TextInput
        label={t('contact.basis')}
        maxLength={LIMITS.basis}
        placeholder={t('contact.basisPlaceholder')}
        {...form.getInputProps('basis')}
      />
      <FormSubmit formError={formError} busy={busy} onClick={save}>
        {t('contact.saveAnswer')}
      </FormSubmit>
    </Stack>
  );
}

type TransferValues = { toDepartmentId: string | null; toStaffId: string | null; note: string };

function TransferForm({ contact, staff, directory, desk }: Props & { desk: DeskForm<TransferValues> }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = desk;
  const save = () =>
    void submit(
      (v) => transferContact(db, author, contact.contactId, { toStaffId: v.toStaffId as StaffId, note: v.note }),
      { keep: true },
    );
  const { toDepartmentId, toStaffId } = form.getValues();
  const handlers = [...directory.staffById.values()].filter(
    (s) => s.active && s.departmentId === toDepartmentId && s.id !== staff.id,
  );
  const handler = toStaffId ? directory.staffById.get(toStaffId) : undefined;
  const department = directory.departments.find((d) => d.id === toDepartmentId);
  return (
    <Stack gap="sm" onKeyDown={saveKey(save)}>
      <Select
        label={t('contact.department')}
        data={directory.departments.map((d) => ({ value: d.id, label: d.name }))}
        {...field('toDepartmentId')}
        // A handler belongs to one department: choosing another department clears the handler chosen.
        onChange={(v) => form.setValues({ toDepartmentId: v, toStaffId: null })}
        searchable
      />
      <Select
        label={t('contact.handler')}
        data={handlers.map((s) => ({ value: s.id, label: `${s.name}（${s.title}）${s.phone ? ` ${s.phone}` : ''}` }))}
        {...field('toStaffId')}
        searchable
      />
      {handler?.phone && department && (
        <Alert color="blue">
          {t('contact.tellApplicant', { department: department.name, handler: handler.name, phone: handler.phone })}
        </Alert>
      )}
      <TextInput label={t('contact.transferNote')} maxLength={LIMITS.note} {...form.getInputProps('note')} />
      <FormSubmit formError={formError} busy={busy} onClick={save}>
        {t('contact.saveTransfer')}
      </FormSubmit>
    </Stack>
  );
}

function ReferForm({
  contact,
  staff,
  directory,
  desk,
}: Props & { desk: DeskForm<{ agencyId: string | null; explanation: string }> }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = desk;
  const save = () =>
    void submit(
      (v) =>
        referContact(db, author, contact.contactId, { agencyId: v.agencyId as AgencyId, explanation: v.explanation }),
      { keep: true },
    );
  const agency = directory.agencies.find((a) => a.id === form.getValues().agencyId);
  return (
    <Stack gap="sm" onKeyDown={saveKey(save)}>
      <Select
        label={t('contact.agency')}
        data={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
        {...field('agencyId')}
        searchable
      />
      {agency && (
        <Alert color="blue">
          {t('contact.tellAgency', { agency: agency.name, phone: agency.phone, address: agency.address })}
          <Text size="sm" c="dimmed">
            {agency.remit}
          </Text>
        </Alert>
      )}
      <Textarea
        label={t('contact.explanation')}
        maxLength={LIMITS.explanation}
        {...form.getInputProps('explanation')}
        autosize
        minRows={2}
      />
      <FormSubmit formError={formError} busy={busy} onClick={save}>
        {t('contact.saveReferral')}
      </FormSubmit>
    </Stack>
  );
}

function LeaderSelect({ directory, ...bound }: { directory: Directory } & BoundField<string | null>) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('contact.leader')}
      data={directory.leaders.map((l) => ({ value: l.id, label: `${l.name}（${l.title}）` }))}
      {...bound}
    />
  );
}

/** The leader asked first is the bureau's first leader; nothing is written without one. */
const leaderCheck = (v: { toLeaderId: string | null }) => ({
  toLeaderId: v.toLeaderId ? undefined : 'leaderRequired',
});

function EscalateForm({
  contact,
  staff,
  directory,
  desk,
}: Props & { desk: DeskForm<{ toLeaderId: string | null; reason: string }> }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = desk;
  const save = () =>
    void submit(
      (v) => escalateContact(db, author, contact.contactId, { toLeaderId: v.toLeaderId as StaffId, reason: v.reason }),
      { keep: true },
    );
  return (
    <Stack gap="sm" onKeyDown={saveKey(save)}>
      <LeaderSelect directory={directory} {...field('toLeaderId')} />
      <Textarea
        label={t('contact.escalationReason')}
        maxLength={LIMITS.reason}
        {...form.getInputProps('reason')}
        autosize
        minRows={2}
      />
      <FormSubmit formError={formError} busy={busy} onClick={save}>
        {t('contact.saveEscalation')}
      </FormSubmit>
    </Stack>
  );
}

function RefusalForm({
  contact,
  staff,
  directory,
  desk,
}: Props & { desk: DeskForm<{ toLeaderId: string | null; reason: string; basis: string }> }) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { form, busy, formError, field, submit } = desk;
  const save = () =>
    void submit((v) => proposeRefusal(db, author, contact.contactId, { ...v, toLeaderId: v.toLeaderId as StaffId }), {
      keep: true,
    });
  return (
    <Stack gap="sm" onKeyDown={saveKey(save)}>
      <Alert color="grape">{t('contact.refusalNote')}</Alert>
      <Textarea
        label={t('contact.refusalReason')}
        maxLength={LIMITS.reason}
        {...form.getInputProps('reason')}
        autosize
        minRows={2}
      />
      <TextInput label={t('contact.refusalBasis')} maxLength={LIMITS.basis} {...form.getInputProps('basis')} />
      <LeaderSelect directory={directory} {...field('toLeaderId')} />
      <FormSubmit color="grape" formError={formError} busy={busy} onClick={save}>
        {t('contact.saveRefusal')}
      </FormSubmit>
    </Stack>
  );
}
