import { Alert, Button, Select, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
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
  invalid,
  proposeRefusal,
  referContact,
  transferContact,
} from '../../data/operations.ts';
import { useAction } from './useAction.ts';
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
        <AnswerForm {...props} />
      </Tabs.Panel>
      <Tabs.Panel value="transfer" pt="sm">
        <TransferForm {...props} />
      </Tabs.Panel>
      <Tabs.Panel value="refer" pt="sm">
        <ReferForm {...props} />
      </Tabs.Panel>
      <Tabs.Panel value="escalate" pt="sm">
        <EscalateForm {...props} />
      </Tabs.Panel>
      <Tabs.Panel value="refuse" pt="sm">
        <RefusalForm {...props} />
      </Tabs.Panel>
    </Tabs>
  );
}

function AnswerForm({ contact, staff }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction();
  const [answer, setAnswer] = useState('');
  const [basis, setBasis] = useState('');
  const checklistAnswer = useChecklistAnswer(contact);
  return (
    <Stack gap="sm">
      {checklistAnswer && (
        // art. 10: once the checklist was given, answering says so in one key press.
        <Button variant="light" justify="flex-start" onClick={() => setAnswer(checklistAnswer.text)}>
          {checklistAnswer.label}
        </Button>
      )}
      <Textarea
        label={t('contact.answerText')}
        maxLength={LIMITS.answer}
        value={answer}
        onChange={(e) => setAnswer(e.currentTarget.value)}
        error={errors.answer}
        autosize
        minRows={3}
        data-autofocus
      />
      <TextInput
        label={t('contact.basis')}
        maxLength={LIMITS.basis}
        placeholder={t('contact.basisPlaceholder')}
        value={basis}
        onChange={(e) => setBasis(e.currentTarget.value)}
        error={errors.basis}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        loading={busy}
        onClick={() => void run(() => answerContact(db, author, contact.contactId, { answer, basis }))}
      >
        {t('contact.saveAnswer')}
      </Button>
    </Stack>
  );
}

function TransferForm({ contact, staff, directory }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [handlerId, setHandlerId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const handlers = [...directory.staffById.values()].filter(
    (s) => s.active && s.departmentId === departmentId && s.id !== staff.id,
  );
  const handler = handlerId ? directory.staffById.get(handlerId) : undefined;
  const department = directory.departments.find((d) => d.id === departmentId);
  return (
    <Stack gap="sm">
      <Select
        label={t('contact.department')}
        data={directory.departments.map((d) => ({ value: d.id, label: d.name }))}
        value={departmentId}
        onChange={(v) => {
          setDepartmentId(v);
          setHandlerId(null);
        }}
        searchable
        error={errors.toDepartmentId}
      />
      <Select
        label={t('contact.handler')}
        data={handlers.map((s) => ({ value: s.id, label: `${s.name}（${s.title}）${s.phone ? ` ${s.phone}` : ''}` }))}
        value={handlerId}
        onChange={setHandlerId}
        searchable
        error={errors.toStaffId}
      />
      {handler?.phone && department && (
        <Alert color="blue">
          {t('contact.tellApplicant', { department: department.name, handler: handler.name, phone: handler.phone })}
        </Alert>
      )}
      <TextInput
        label={t('contact.transferNote')}
        maxLength={LIMITS.note}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        loading={busy}
        onClick={() =>
          void run(() =>
            handlerId
              ? transferContact(db, author, contact.contactId, { toStaffId: handlerId as StaffId, note })
              : Promise.reject(invalid('toStaffId', 'handlerRequired')),
          )
        }
      >
        {t('contact.saveTransfer')}
      </Button>
    </Stack>
  );
}

function ReferForm({ contact, staff, directory }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [explanation, setExplanation] = useState('');
  const agency = directory.agencies.find((a) => a.id === agencyId);
  return (
    <Stack gap="sm">
      <Select
        label={t('contact.agency')}
        data={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
        value={agencyId}
        onChange={setAgencyId}
        searchable
        error={errors.agencyId}
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
        value={explanation}
        onChange={(e) => setExplanation(e.currentTarget.value)}
        error={errors.explanation}
        autosize
        minRows={2}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        loading={busy}
        onClick={() =>
          void run(() =>
            agencyId
              ? referContact(db, author, contact.contactId, { agencyId: agencyId as AgencyId, explanation })
              : Promise.reject(invalid('agencyId', 'agencyRequired')),
          )
        }
      >
        {t('contact.saveReferral')}
      </Button>
    </Stack>
  );
}

function LeaderSelect({
  directory,
  value,
  onChange,
  error,
}: {
  directory: Directory;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('contact.leader')}
      data={directory.leaders.map((l) => ({ value: l.id, label: `${l.name}（${l.title}）` }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

function EscalateForm({ contact, staff, directory }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction();
  const [leaderId, setLeaderId] = useState<string | null>(directory.leaders[0]?.id ?? null);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="sm">
      <LeaderSelect directory={directory} value={leaderId} onChange={setLeaderId} error={errors.toLeaderId} />
      <Textarea
        label={t('contact.escalationReason')}
        maxLength={LIMITS.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
      />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        loading={busy}
        onClick={() =>
          void run(() =>
            leaderId
              ? escalateContact(db, author, contact.contactId, { toLeaderId: leaderId as StaffId, reason })
              : Promise.reject(invalid('toLeaderId', 'leaderRequired')),
          )
        }
      >
        {t('contact.saveEscalation')}
      </Button>
    </Stack>
  );
}

function RefusalForm({ contact, staff, directory }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const author = useAuthor(staff);
  const { errors, busy, run } = useAction();
  const [leaderId, setLeaderId] = useState<string | null>(directory.leaders[0]?.id ?? null);
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState('');
  return (
    <Stack gap="sm">
      <Alert color="grape">{t('contact.refusalNote')}</Alert>
      <Textarea
        label={t('contact.refusalReason')}
        maxLength={LIMITS.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
      />
      <TextInput
        label={t('contact.refusalBasis')}
        maxLength={LIMITS.basis}
        value={basis}
        onChange={(e) => setBasis(e.currentTarget.value)}
        error={errors.basis}
      />
      <LeaderSelect directory={directory} value={leaderId} onChange={setLeaderId} error={errors.toLeaderId} />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Button
        color="grape"
        loading={busy}
        onClick={() =>
          void run(() =>
            leaderId
              ? proposeRefusal(db, author, contact.contactId, { toLeaderId: leaderId as StaffId, reason, basis })
              : Promise.reject(invalid('toLeaderId', 'leaderRequired')),
          )
        }
      >
        {t('contact.saveRefusal')}
      </Button>
    </Stack>
  );
}
