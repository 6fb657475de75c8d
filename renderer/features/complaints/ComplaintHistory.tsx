import { Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintAct, ComplaintState } from '../../../shared/rules/complaint.ts';
import { formatDateTime } from '../../app/format.ts';
import { LinkedRecords } from './LinkedRecords.tsx';
import { useNames } from './useNames.ts';

interface Entry {
  readonly act: ComplaintAct;
  readonly title: string;
  readonly body?: ReactNode;
}

const pre = (text: string) => (
  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
    {text}
  </Text>
);

/** Everything done on the complaint, in the order HQ stored it: the register is the evidence, so nothing is left out. */
export function ComplaintHistory({ state }: { state: ComplaintState }) {
  const { t } = useTranslation();
  const names = useNames();
  const people = (ids: readonly string[]) => ids.map(names.staff).join('、');
  const entries: Entry[] = [{ act: state.received, title: t('complaint.act.receive') }];
  if (state.dismissal) {
    entries.push({ act: state.dismissal, title: t('complaint.act.dismiss'), body: pre(state.dismissal.reason) });
  }
  if (state.investigation) {
    const { investigatorIds, note } = state.investigation;
    const text = t('complaint.screen.investigators', { names: people(investigatorIds) });
    entries.push({
      act: state.investigation,
      title: t('complaint.act.order'),
      body: pre(note ? `${text}\n${note}` : text),
    });
  }
  for (const c of state.investigatorChanges) {
    const text = `${t('complaint.screen.investigators', { names: people(c.investigatorIds) })}\n${c.reason}`;
    entries.push({ act: c, title: t('complaint.act.changeInvestigators'), body: pre(text) });
  }
  for (const f of state.findings) {
    const body = (
      <>
        {pre(f.text)}
        <LinkedRecords links={f.evidenceLinks} label={t('complaint.field.evidence')} />
      </>
    );
    entries.push({ act: f, title: t('complaint.act.recordFinding'), body });
  }
  if (state.findingsClosed) {
    const { summary, ground } = state.findingsClosed;
    entries.push({
      act: state.findingsClosed,
      title: t('complaint.act.closeFindings'),
      body: pre(`${summary}\n${t('complaint.field.ground')}：${t(`complaint.ground.${ground}`)}`),
    });
  }
  for (const s of state.statements) {
    const who = names.staff(s.staffId);
    for (const i of s.invitations) {
      entries.push({ act: i, title: t('complaint.screen.invited', { name: who, date: i.dueOn }) });
    }
    if (s.given)
      entries.push({ act: s.given, title: t('complaint.screen.stated', { name: who }), body: pre(s.given.text) });
    if (s.waived)
      entries.push({ act: s.waived, title: t('complaint.screen.waived', { name: who }), body: pre(s.waived.note) });
  }
  if (state.decision) {
    const d = state.decision;
    const lines = [t(`complaint.outcome.${d.outcome}`)];
    if (d.outcome === 'founded') {
      lines.push(`${t('complaint.field.ground')}：${t(`complaint.ground.${d.ground}`)}`);
      for (const m of d.measures) lines.push(measureLine(m, names.staff(m.staffId), t));
    }
    lines.push(d.reason);
    entries.push({ act: d, title: t('complaint.act.decide'), body: pre(lines.join('\n')) });
  }
  for (const x of state.extensions) {
    const verdict = t(x.approved ? 'complaint.screen.approved' : 'complaint.screen.refused');
    const text = `${t(`complaint.stage.${x.stage}`)} +${x.days} · ${verdict}\n${x.reason}`;
    entries.push({ act: x, title: t('complaint.act.extend'), body: pre(text) });
  }
  if (state.told) {
    const { toldOn, how, note } = state.told;
    const text = [`${toldOn} · ${t(`followUp.means.${how}`)}`, note].filter(Boolean).join('\n');
    entries.push({ act: state.told, title: t('complaint.act.tell'), body: pre(text) });
  }
  for (const c of state.corrections) {
    entries.push({
      act: c,
      title: t('complaint.act.correct'),
      body: pre(`${measureLine(c, names.staff(c.staffId), t)}\n${c.reason}`),
    });
  }
  if (state.closure)
    entries.push({
      act: state.closure,
      title: t('complaint.act.close'),
      body: state.closure.note && pre(state.closure.note),
    });
  entries.sort((a, b) => a.act.at.localeCompare(b.act.at) || a.act.eventId.localeCompare(b.act.eventId));
  return (
    <Timeline bulletSize={12} lineWidth={2} active={entries.length}>
      {entries.map((e) => (
        <Timeline.Item key={e.act.eventId} title={e.title}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.act.at)} · {names.staff(e.act.by)}
          </Text>
          {e.body}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function measureLine(
  m: { measures: readonly string[]; gravity: string },
  name: string,
  t: (key: string) => string,
): string {
  return `${name}：${m.measures.map((x) => t(`complaint.measure.${x}`)).join('、')}（${t('complaint.field.gravity')}${t(`complaint.gravity.${m.gravity}`)}）`;
}
