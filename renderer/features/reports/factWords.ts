import type { TFunction } from 'i18next';
import type { ReportFactWire } from '../../../shared/sync/reportApi.ts';
import type { ReportNames } from './reportNames.ts';

// What one fact of a drill-down says, in words: HQ sends the fact row as stored (ids, days, codes, numbers — no
// personal data), and the desk words the fields it knows for the fact's kind. A field it does not know is left out,
// an unknown kind says only its kind: a newer HQ never breaks the list.

type Exists = (key: string) => boolean;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** One coded value in words, when the desk knows the code. */
function coded(t: TFunction, exists: Exists, prefix: string, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const key = `${prefix}.${code}`;
  return exists(key) ? t(key) : code;
}

export function factWords(fact: ReportFactWire, t: TFunction, exists: Exists, names: ReportNames): string {
  const f = fact as Record<string, unknown>;
  const parts: (string | undefined)[] = [];
  const yes = (flag: boolean | undefined, key: string, opts?: Record<string, unknown>) => {
    if (flag) parts.push(t(key, opts));
  };
  switch (fact.kind) {
    case 'contact':
      parts.push(coded(t, exists, 'channel', str(f.channel)));
      parts.push(coded(t, exists, 'reports.ending', str(f.ending)));
      yes(bool(f.undisposedAtDayEnd), 'reports.fact.undisposedAtDayEnd');
      break;
    case 'transfer': {
      parts.push(coded(t, exists, 'reports.fact.transferOutcome', str(f.outcome)));
      const dueOn = str(f.dueOn);
      if (dueOn) parts.push(t('reports.fact.acceptBy', { date: dueOn }));
      const acceptedOn = str(f.acceptedOn);
      if (acceptedOn) parts.push(t('reports.fact.acceptedOn', { date: acceptedOn }));
      const days = num(f.workingDaysToAccept);
      if (days !== undefined) parts.push(t('reports.fact.workingDays', { count: days }));
      const inTime = bool(f.acceptedWithinNextWorkingDay);
      if (inTime !== undefined) parts.push(t(inTime ? 'reports.fact.inTime' : 'reports.fact.late'));
      break;
    }
    case 'escalation': {
      const leader = str(f.leaderId);
      if (leader) parts.push(t('reports.fact.leader', { name: names.staff(leader) }));
      const dueOn = str(f.dueOn);
      if (dueOn) parts.push(t('reports.fact.answerBy', { date: dueOn }));
      parts.push(coded(t, exists, 'reports.fact.escalationOutcome', str(f.outcome)));
      break;
    }
    case 'case': {
      parts.push(coded(t, exists, 'reports.fact.caseEnding', str(f.ending) ?? 'open'));
      const endedOn = str(f.endedOn);
      if (endedOn) parts.push(t('reports.fact.endedOn', { date: endedOn }));
      const dueOn = str(f.dueOn);
      if (dueOn) parts.push(t('reports.fact.dueOn', { date: dueOn }));
      const onTime = bool(f.onTime);
      if (onTime !== undefined) parts.push(t(onTime ? 'reports.fact.onTime' : 'reports.fact.completedLate'));
      yes(bool(f.overdueNow), 'reports.fact.overdueNow');
      if (!f.overdueNow) yes(bool(f.everOverdue), 'reports.fact.everOverdue');
      const pauses = num(f.pauses);
      if (pauses) parts.push(t('reports.fact.pauses', { count: pauses }));
      yes(bool(f.supplementNotice), 'reports.fact.supplementNotice');
      const extensions = num(f.extensionsApproved);
      if (extensions) parts.push(t('reports.fact.extensions', { count: extensions }));
      parts.push(coded(t, exists, 'reports.fact.resultNotice', str(f.resultNotice)));
      break;
    }
    case 'extension': {
      const days = num(f.days);
      if (days !== undefined) parts.push(t('reports.fact.extensionDays', { count: days }));
      parts.push(coded(t, exists, 'reports.fact.decision', str(f.decision)));
      const by = str(f.approvedBy);
      if (by) parts.push(t('reports.fact.approvedBy', { name: names.staff(by) }));
      const decidedOn = str(f.decidedOn);
      if (decidedOn) parts.push(t('reports.fact.decidedOn', { date: decidedOn }));
      break;
    }
    case 'rating': {
      const level = f.level === null ? 'declined' : str(f.level);
      parts.push(coded(t, exists, 'followUp.level', level));
      yes(bool(f.unprompted), 'reports.fact.unprompted');
      if (f.counted === false) parts.push(t('reports.fact.notCounted'));
      yes(bool(f.verified), 'reports.fact.verified');
      yes(bool(f.rectified), 'reports.fact.rectified');
      const newLevel = str(f.newLevel);
      if (newLevel) parts.push(t('reports.fact.newLevel', { level: coded(t, exists, 'followUp.level', newLevel) }));
      break;
    }
    case 'complaint': {
      const founded = bool(f.founded);
      parts.push(
        t(
          founded === undefined
            ? 'reports.fact.undecided'
            : founded
              ? 'reports.fact.founded'
              : 'reports.fact.unfounded',
        ),
      );
      const measures = num(f.measures);
      if (measures) parts.push(t('reports.fact.measures', { count: measures }));
      break;
    }
    case 'breach':
    case 'due': {
      parts.push(coded(t, exists, 'reports.code', str(f.code)));
      const days = num(f.days);
      if (fact.kind === 'breach' && days) parts.push(t('reports.fact.daysLate', { count: days }));
      if (fact.kind === 'breach' && bool(f.ongoing)) parts.push(t('reports.fact.ongoing'));
      break;
    }
    default:
      parts.push(fact.kind);
  }
  return parts.filter((p): p is string => Boolean(p)).join(t('reports.fact.separator'));
}
