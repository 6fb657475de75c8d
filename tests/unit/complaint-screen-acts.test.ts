import { describe, expect, it } from 'vitest';
import type { ComplaintEvent } from '../../shared/model/complaintEvents.ts';
import {
  availableActs,
  capacityOf,
  eligibleInvestigators,
  foundedBlocked,
  runningStage,
  type ComplaintActKind,
} from '../../renderer/features/complaints/availableActs.ts';
import {
  ACCUSED,
  changed,
  closed,
  context,
  corrected,
  DIRECTORY,
  dismissed,
  extension,
  finding,
  findingsClosed,
  fold,
  founded,
  HEAD,
  INVESTIGATOR,
  INVESTIGATOR_2,
  invited,
  LEADER,
  LEADER_OF_DEPT,
  ordered,
  received,
  stated,
  told,
  unfounded,
} from './shared/complaintBuilders.ts';

// The drawer offers an act exactly when HQ's fold would apply it for that person (issue 14 point 5): offered acts
// never come back refused for who the person is, and nothing the person may do is missing from the drawer.

const TRY_ON = '2026-11-17';
const r = received('2026-11-02');
const o = ordered('2026-11-03');
const f1 = finding('2026-11-05');
const inv = invited('2026-11-05', '2026-11-20');
const fc = findingsClosed('2026-11-10');
const st = stated('2026-11-11');
const dec = founded('2026-11-12');
const tl = told('2026-11-13');

const PATH: Record<string, ComplaintEvent[]> = {
  received: [r],
  investigating: [r, o, f1, inv],
  findingsClosed: [r, o, f1, inv, fc],
  decided: [r, o, f1, inv, fc, st, dec],
  told: [r, o, f1, inv, fc, st, dec, tl],
  closed: [r, o, f1, inv, fc, st, dec, tl, closed('2026-11-16')],
  dismissedNamed: [r, dismissed('2026-11-03')],
  dismissedAnonymous: [received('2026-11-02', { complainant: { anonymous: true } }), dismissed('2026-11-03')],
};

/** One event of each kind, by `by`, on TRY_ON: what HQ would be asked to store if the form were saved. */
function attempt(kind: ComplaintActKind, by: string, events: ComplaintEvent[]): ComplaintEvent {
  const stage = runningStage(fold(events)) ?? 'acceptance';
  const tries: Record<ComplaintActKind, () => ComplaintEvent> = {
    dismiss: () => dismissed(TRY_ON, by),
    order: () => ordered(TRY_ON, [INVESTIGATOR_2], by),
    changeInvestigators: () => changed(TRY_ON, [INVESTIGATOR_2], by),
    recordFinding: () => finding(TRY_ON, by),
    closeFindings: () => findingsClosed(TRY_ON, by),
    inviteStatement: () => invited(TRY_ON, '2026-12-31', ACCUSED, by),
    decide: () => unfounded(TRY_ON, by),
    tell: () => told(TRY_ON, by),
    extend: () => extension(TRY_ON, stage, 5, true, by),
    close: () => closed(TRY_ON, by),
    correct: () => corrected(TRY_ON, ['remedy'], 'serious', ACCUSED, by),
  };
  return tries[kind]();
}

const KINDS = [
  'dismiss',
  'order',
  'changeInvestigators',
  'recordFinding',
  'closeFindings',
  'inviteStatement',
  'decide',
  'tell',
  'extend',
  'close',
  'correct',
] as const satisfies readonly ComplaintActKind[];

describe('the acts the complaint drawer offers', () => {
  for (const [name, events] of Object.entries(PATH)) {
    it(`offers each person, when ${name}, exactly the acts HQ's fold would apply`, () => {
      const state = fold(events);
      for (const person of DIRECTORY) {
        const offered = availableActs(state, person);
        for (const kind of KINDS) {
          const e = attempt(kind, person.id, events);
          const after = fold([...events, e]);
          const applied = !after.flags.some((f) => f.eventIds.includes(e.eventId));
          expect({ person: person.id, kind, offered: offered.includes(kind) }).toEqual({
            person: person.id,
            kind,
            offered: applied,
          });
        }
      }
    });
  }

  it('offers a leader who stands aside nothing, and says why', () => {
    const state = fold(PATH.received!);
    const leaderOfDept = context.staff(LEADER_OF_DEPT);
    expect(availableActs(state, leaderOfDept)).toEqual([]);
    expect(capacityOf(leaderOfDept, state).recused).toBe(true);
    expect(availableActs(state, context.staff(LEADER))).toEqual(['order', 'dismiss', 'extend']);
  });

  it('offers nothing to someone the desk does not know', () => {
    expect(availableActs(fold(PATH.received!), undefined)).toEqual([]);
  });

  it('never offers the accused, their department head or an inactive person as investigator', () => {
    const names = eligibleInvestigators(DIRECTORY, fold(PATH.received!)).map((s) => s.id);
    expect(names).toContain(INVESTIGATOR);
    expect(names).not.toContain(ACCUSED);
    expect(names).not.toContain(HEAD);
    expect(names).not.toContain('staff-sup-old');
  });

  it('holds a founded decision back until the invited accused was heard or the day passed', () => {
    const pending = fold([r, o, f1, inv, fc]);
    expect(foundedBlocked(pending, '2026-11-12')).toBe(true);
    expect(foundedBlocked(pending, '2026-11-21')).toBe(false);
    expect(foundedBlocked(fold([r, o, f1, inv, fc, st]), '2026-11-12')).toBe(false);
  });
});
