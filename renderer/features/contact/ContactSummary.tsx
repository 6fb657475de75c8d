import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { maskPhone } from '../../../shared/rules/phone.ts';
import { isTransferOverdue } from '../../../shared/rules/transferDeadline.ts';
import { formatDateTime } from '../../app/format.ts';
import { deskCalendar, today } from '../../data/calendar.ts';
import type { ContactRow } from '../../data/db.ts';
import type { Directory } from '../../data/hooks.ts';
import { CasesOpened } from './CasesOpened.tsx';
import { EscalationLimit } from './EscalationLimit.tsx';
import { STATUS_COLOR } from './status.ts';

/** What was asked and by whom, who carries it now, and how it stands. */
export function ContactSummary({ contact, directory }: { contact: ContactRow; directory: Directory }) {
  const { t } = useTranslation();
  const name = (id: string) => directory.staffById.get(id)?.name ?? id;
  const v = contact.visitor;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light">{t(`channel.${contact.channel}`)}</Badge>
        <Badge variant="light" color={STATUS_COLOR[contact.status]} data-testid="contact-status">
          {t(`status.${contact.status}`)}
        </Badge>
        {contact.corrections > 0 && (
          <Badge variant="outline" color="gray">
            {t('contact.corrected', { count: contact.corrections })}
          </Badge>
        )}
      </Group>
      <Text fw={600} size="lg">
        {[v.name, v.organisation, v.phone && maskPhone(v.phone)].filter(Boolean).join(' · ')}
      </Text>
      {v.idNumberMasked && (
        <Text size="sm" c="dimmed">
          {t('contact.idNumber')} {v.idNumberMasked}
        </Text>
      )}
      <Text style={{ whiteSpace: 'pre-wrap' }}>{contact.matter}</Text>
      {contact.materials.length > 0 && (
        <Text size="sm">
          {t('contact.materials')}：{contact.materials.map((m) => `${m.name} × ${m.count}`).join('；')}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('contact.openedAt')} {formatDateTime(contact.openedAt)} · {t('contact.openedBy')} {name(contact.openedBy)}
      </Text>
      <Text>
        {t('register.responsible')}：<b data-testid="contact-responsible">{name(contact.responsibleStaffId)}</b>
      </Text>
      {contact.flags.some((f) => f.code === 'conflictingDisposition') && (
        <Alert color="red">{t('contact.conflict')}</Alert>
      )}
      {contact.flags.some((f) => f.code === 'notAllowed') && <Alert color="red">{t('contact.flagNotAllowed')}</Alert>}
      {contact.status === 'open' && <Alert color="orange">{t('contact.noDisposition')}</Alert>}
      {isTransferOverdue(contact, deskCalendar(), today()) && <Alert color="red">{t('inbox.overdueHint')}</Alert>}
      {contact.lastReturn && contact.status === 'open' && (
        <Alert color="orange">
          {t('contact.returnedBy', { name: name(contact.lastReturn.by), reason: contact.lastReturn.reason })}
        </Alert>
      )}
      {contact.answer && (
        <Alert
          color="teal"
          title={t('contact.answeredBy', { name: name(contact.answer.by), time: formatDateTime(contact.answer.at) })}
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
      {contact.referral && (
        <Alert color="teal" title={t('contact.referredTo', contact.referral.toldApplicant)}>
          {contact.referral.explanation}
        </Alert>
      )}
      {contact.escalation && contact.status === 'escalated' && (
        <Alert color="grape">
          {t('contact.escalatedTo', { leader: name(contact.escalation.toLeaderId), reason: contact.escalation.reason })}
        </Alert>
      )}
      <EscalationLimit contact={contact} />
      <CasesOpened contact={contact} />
      {contact.refusal && (
        <Alert color={contact.refusal.decision === 'approved' ? 'gray' : 'grape'}>
          <Text size="sm">
            {t('contact.refusalProposedBy', {
              name: name(contact.refusal.by),
              leader: name(contact.refusal.toLeaderId),
              reason: contact.refusal.reason,
              basis: contact.refusal.basis,
            })}
          </Text>
          {contact.refusal.decidedBy && (
            <Text size="sm" fw={600}>
              {contact.refusal.decision === 'approved'
                ? t('contact.decisionApproved', { name: name(contact.refusal.decidedBy) })
                : t('contact.decisionOverruled', {
                    name: name(contact.refusal.decidedBy),
                    note: contact.refusal.decisionNote ?? '',
                  })}
            </Text>
          )}
        </Alert>
      )}
      {contact.status === 'refused' && !contact.outcomeNotified && (
        <Alert color="orange">{t('contact.mustTell')}</Alert>
      )}
      {contact.outcomeNotified && (
        <Text size="sm" c="dimmed">
          {t('contact.outcomeTold', {
            time: formatDateTime(contact.outcomeNotified.at),
            how: t(`notify.${contact.outcomeNotified.how}`),
          })}
        </Text>
      )}
    </Stack>
  );
}
