import { Alert, Badge, Button, Drawer, Group, Select, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { Department, Staff } from '../../../shared/model/reference.ts';
import { maskPhone } from '../../../shared/rules/phone.ts';
import { useDesk } from '../../app/context.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useContact } from '../../data/hooks.ts';
import { answerContact, transferContact } from '../../data/operations.ts';
import { fieldErrors } from './fieldErrors.ts';

interface Props {
  contactId: string | undefined;
  staff: Staff;
  staffById: Map<string, Staff>;
  departments: Department[];
  onClose: () => void;
}

/** One contact: what was asked, who is responsible, and its disposition (answer on the spot or transfer). */
export function ContactDrawer({ contactId, staff, staffById, departments, onClose }: Props) {
  const { t } = useTranslation();
  const { db } = useDesk();
  const contact = useContact(db, contactId);
  const name = (id: string) => staffById.get(id)?.name ?? id;
  return (
    <Drawer opened={Boolean(contactId)} onClose={onClose} position="right" size="lg" title={t('contact.detail')}>
      {contact && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light">{t(`channel.${contact.channel}`)}</Badge>
            <Badge variant="light" color={contact.status === 'open' ? 'orange' : 'teal'}>
              {t(`status.${contact.status}`)}
            </Badge>
          </Group>
          <Text fw={600} size="lg">
            {[contact.visitor.name, contact.visitor.organisation].filter(Boolean).join(' · ')}
            {contact.visitor.phone && ` · ${maskPhone(contact.visitor.phone)}`}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{contact.matter}</Text>
          <Text size="sm" c="dimmed">
            {t('contact.openedAt')} {formatDateTime(contact.openedAt)} · {t('contact.openedBy')}{' '}
            {name(contact.openedBy)}
          </Text>
          <Text>
            {t('register.responsible')}：<b>{name(contact.responsibleStaffId)}</b>
          </Text>
          {contact.flags.some((f) => f.code === 'conflictingDisposition') && (
            <Alert color="red">{t('contact.conflict')}</Alert>
          )}
          {contact.answer && (
            <Alert
              color="teal"
              title={t('contact.answeredBy', {
                name: name(contact.answer.by),
                time: formatDateTime(contact.answer.at),
              })}
            >
              <Text style={{ whiteSpace: 'pre-wrap' }}>{contact.answer.text}</Text>
              {contact.answer.basis && (
                <Text size="sm">
                  {t('contact.basis')}：{contact.answer.basis}
                </Text>
              )}
            </Alert>
          )}
          {contact.transfer && (
            <Alert
              color="blue"
              title={t('contact.transferTo', {
                handler: contact.transfer.toldApplicant.handlerName,
                department: contact.transfer.toldApplicant.departmentName,
              })}
            >
              {t('contact.toldApplicant', {
                department: contact.transfer.toldApplicant.departmentName,
                handler: contact.transfer.toldApplicant.handlerName,
                phone: contact.transfer.toldApplicant.phone,
              })}
            </Alert>
          )}
          {contact.status === 'open' && (
            <>
              <Alert color="orange">{t('contact.noDisposition')}</Alert>
              <Dispose contactId={contact.contactId} staff={staff} staffById={staffById} departments={departments} />
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Dispose({
  contactId,
  staff,
  staffById,
  departments,
}: Omit<Props, 'contactId' | 'onClose'> & { contactId: string }) {
  const { t, i18n } = useTranslation();
  const { db } = useDesk();
  const [answer, setAnswer] = useState('');
  const [basis, setBasis] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [handlerId, setHandlerId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const handlers = [...staffById.values()].filter(
    (s) => s.active && s.departmentId === departmentId && s.id !== staff.id,
  );
  const handler = handlerId ? staffById.get(handlerId) : undefined;
  const department = departments.find((d) => d.id === departmentId);

  async function run(action: () => Promise<void>) {
    try {
      await action();
      setErrors({});
    } catch (error) {
      setErrors(fieldErrors(error, t, (k) => i18n.exists(k)));
    }
  }

  return (
    <Tabs defaultValue="answer">
      <Tabs.List>
        <Tabs.Tab value="answer">{t('contact.answer')}</Tabs.Tab>
        <Tabs.Tab value="transfer">{t('contact.transfer')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="answer" pt="sm">
        <Stack gap="sm">
          <Textarea
            label={t('contact.answerText')}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={errors.answer}
            autosize
            minRows={3}
          />
          <TextInput
            label={t('contact.basis')}
            placeholder={t('contact.basisPlaceholder')}
            value={basis}
            onChange={(e) => setBasis(e.currentTarget.value)}
            error={errors.basis}
          />
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          <Button onClick={() => void run(() => answerContact(db, staff.id, contactId, { answer, basis }))}>
            {t('contact.saveAnswer')}
          </Button>
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="transfer" pt="sm">
        <Stack gap="sm">
          <Select
            label={t('contact.department')}
            data={departments.map((d) => ({ value: d.id, label: d.name }))}
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
            data={handlers.map((s) => ({
              value: s.id,
              label: `${s.name}（${s.title}）${s.phone ? ` ${s.phone}` : ''}`,
            }))}
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
          <TextInput label={t('contact.transferNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          <Button
            onClick={() =>
              void run(async () => {
                if (!handlerId) throw new Error(t('errors.handlerRequired'));
                await transferContact(db, staff.id, contactId, { toStaffId: handlerId as StaffId, note });
              })
            }
          >
            {t('contact.saveTransfer')}
          </Button>
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
