import { beijingDate, CASE_ENDED, caseEndDay, clockVerdicts, type CaseState } from '../case.ts';
import { caseBreaches, resultNotice, stepStatus, supplementNotice, type CaseBreach } from '../caseTimeliness.ts';
import { caseDeadline } from '../deadline.ts';
import {
  CASE_ENDINGS,
  departmentFor,
  noneOpen,
  type AggregateFacts,
  type CaseFact,
  type FactContext,
  type ReportFact,
} from './facts.ts';

// The report rows of one case (art. 11, 14–18): the case, its extension requests, every breach caseTimeliness.ts
// finds, and the duties still due. The clock's rules are caseTimeliness.ts's and case.ts's; nothing is re-judged
// here. See facts.ts for the projection's contract.

const OVERDUE_CODES: readonly CaseBreach['code'][] = ['overdue', 'completedLate'];

export function caseFacts(state: CaseState, ctx: FactContext): AggregateFacts {
  const { calendar, today } = ctx;
  const recordId = state.caseId;
  const of = (staffId: string) => ({ recordId, staffId, departmentId: departmentFor(ctx, staffId) });
  const handler = of(state.handlerStaffId);
  const ended = CASE_ENDED.includes(state.status);
  const endedOn = caseEndDay(state);
  const verdicts = clockVerdicts(state, calendar, today);
  const dueOn = verdicts ? caseDeadline(verdicts.input, calendar, endedOn ?? today).dueDate : undefined;
  const steps = ctx.stepsOf?.(state.serviceItemId, state.catalogRev) ?? [];
  const breaches = caseBreaches(state, calendar, today, steps);
  const result = resultNotice(state, calendar, today);
  const step = stepStatus(state, steps, calendar, today);

  const fact: CaseFact = {
    kind: 'case',
    id: recordId,
    day: state.receivedOn,
    ...handler,
    serviceItemId: state.serviceItemId,
    ...(ended ? { ending: CASE_ENDINGS.find((e) => e === state.status)!, endedOn } : {}),
    clock: verdicts !== null,
    ...(dueOn === undefined ? {} : { dueOn }),
    ...(state.status === 'completed' ? { onTime: !breaches.some((b) => b.code === 'completedLate') } : {}),
    overdueNow: !ended && breaches.some((b) => b.code === 'overdue'),
    everOverdue: breaches.some((b) => OVERDUE_CODES.includes(b.code)),
    pauses: state.pauses.length,
    supplementNotice: state.supplement !== undefined,
    extensionsApproved: state.extensions.filter((x) => x.decision === 'approved').length,
    ...(result ? { resultNotice: result.late ? 'late' : result.notifiedOn ? 'inTime' : 'pending' } : {}),
  };
  const facts: ReportFact[] = [fact];

  // art. 17: every request, with the leader who approved it.
  state.extensions.forEach((x, i) => {
    facts.push({
      kind: 'extension',
      id: x.eventId,
      day: beijingDate(x.at),
      ...of(x.by),
      days: x.days,
      decision: x.decision ?? 'pending',
      ...(x.decision === 'approved' && x.decidedBy ? { approvedBy: x.decidedBy } : {}),
      ...(x.decidedAt ? { decidedOn: beijingDate(x.decidedAt) } : {}),
      counts: verdicts?.extensions[i]?.counts === true,
    });
  });

  const notice = supplementNotice(state, calendar, today);
  // Which breaches still grow: the case still late, the result still untold, the current step still over, the
  // supplement notice still owed.
  const ongoing = (b: CaseBreach): boolean => {
    switch (b.code) {
      case 'overdue':
        return !ended;
      case 'resultNotifiedLate':
        return result?.notifiedOn === undefined;
      case 'stepOverdue':
        return step?.overdue === true && step.index === b.step;
      case 'supplementNotImmediate':
      case 'supplementLate':
        return notice.state === 'overdue' && notice.missedUntil === undefined;
      default:
        return false;
    }
  };
  breaches.forEach((b) => {
    facts.push({
      kind: 'breach',
      id: `${recordId}:${b.code}${b.step === undefined ? '' : `:${b.step}`}`,
      day: b.since,
      ...handler,
      code: b.code,
      article: b.article,
      days: b.days ?? 0,
      ongoing: ongoing(b),
    });
  });

  // art. 8(二) + 11: a 不予受理 states its reason and legal basis.
  const rejection = state.rejection;
  if (rejection && (rejection.reason.trim() === '' || rejection.legalBasis.trim() === '')) {
    facts.push({
      kind: 'breach',
      id: `${recordId}:refusalWithoutReason`,
      day: beijingDate(rejection.approvedAt ?? rejection.at),
      ...of(rejection.by),
      code: 'refusalWithoutReason',
      article: 'art. 11',
      days: 0,
      ongoing: false,
    });
  }

  // The duties still in time, for 预警.
  if (!ended && dueOn !== undefined && today <= dueOn) {
    facts.push({
      kind: 'due',
      id: `${recordId}:caseDue`,
      day: dueOn,
      ...handler,
      code: 'caseDue',
      article: 'art. 18(1)',
    });
  }
  if (step?.dueDate !== undefined && !step.overdue) {
    facts.push({
      kind: 'due',
      id: `${recordId}:stepDue:${step.index}`,
      day: step.dueDate,
      ...handler,
      code: 'stepDue',
      article: 'art. 16',
    });
  }
  if (state.status === 'completed' && result && !result.notifiedOn && !result.late) {
    facts.push({
      kind: 'due',
      id: `${recordId}:resultNotice`,
      day: result.dueDate,
      ...handler,
      code: 'resultNotice',
      article: 'art. 18(3)',
    });
  }

  // A completed case that still owes its result notice has a due row or a growing breach, so noneOpen covers it.
  return { recordId, facts, settled: ended && noneOpen(facts) };
}
