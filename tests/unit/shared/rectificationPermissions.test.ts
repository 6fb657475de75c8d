import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/model/reference.ts';
import { foldFollowUp } from '../../../shared/rules/followUp.ts';
import { foldRating } from '../../../shared/rules/rating.ts';
import {
  followUpRectifierDepartments,
  mayRectify,
  mayTakeRectificationStep,
  ratingRectifierDepartments,
  type RectifierFacts,
} from '../../../shared/rules/rectificationPermissions.ts';
import {
  CLERK,
  followUpEv,
  given,
  HANDLER,
  LEADER,
  ratingEv,
  recorded,
  shuffled,
  SUPERVISOR,
} from './followUpBuilders.ts';

// 差评整改 by the rated person's department, the follow-up owner's, supervisors and leaders — and by no one else,
// whatever a desk wrote: the folds keep a stranger's step, flag it notAllowed and never apply it.

const HEAD = 'chen-jing'; // head of the rated person's department (high-tech)
const POLICY = 'wu-min'; // another department's head
const person = (departmentId: string, ...roles: Role[]): RectifierFacts => ({ departmentId, roles });
const DIRECTORY: Record<string, RectifierFacts> = {
  [HANDLER]: person('dept-high-tech', 'clerk'),
  [HEAD]: person('dept-high-tech', 'clerk', 'deptHead'),
  [CLERK]: person('dept-window', 'clerk'),
  [POLICY]: person('dept-policy', 'clerk', 'deptHead'),
  [SUPERVISOR]: person('dept-party', 'supervisor'),
  [LEADER]: person('dept-party', 'leader'),
};
const staffOf = (id: string) => DIRECTORY[id];

describe('mayRectify: whose work a rectification is', () => {
  it('lets the departments named, supervisors and leaders, and no one else or unknown', () => {
    const highTech = ratingRectifierDepartments(DIRECTORY[HANDLER]);
    expect(highTech).toEqual(['dept-high-tech']);
    expect(mayRectify(DIRECTORY[HEAD], highTech)).toBe(true);
    expect(mayRectify(DIRECTORY[HANDLER], highTech)).toBe(true);
    expect(mayRectify(DIRECTORY[SUPERVISOR], highTech)).toBe(true);
    expect(mayRectify(DIRECTORY[LEADER], highTech)).toBe(true);
    expect(mayRectify(DIRECTORY[CLERK], highTech)).toBe(false);
    expect(mayRectify(DIRECTORY[POLICY], highTech)).toBe(false);
    expect(mayRectify(undefined, highTech)).toBe(false);
  });

  it('never lets the rated person take a step, even in the department or as a supervisor', () => {
    const highTech = ratingRectifierDepartments(DIRECTORY[HANDLER]);
    expect(mayTakeRectificationStep(HANDLER, DIRECTORY[HANDLER], highTech, [HANDLER])).toBe(false);
    expect(mayTakeRectificationStep(SUPERVISOR, DIRECTORY[SUPERVISOR], highTech, [SUPERVISOR])).toBe(false);
    expect(mayTakeRectificationStep(HEAD, DIRECTORY[HEAD], highTech, [HANDLER])).toBe(true);
    expect(mayTakeRectificationStep(CLERK, DIRECTORY[CLERK], highTech, [HANDLER])).toBe(false);
  });

  it('leaves a rating whose rated person is unknown to supervisors and leaders', () => {
    const unknown = ratingRectifierDepartments(undefined);
    expect(mayRectify(DIRECTORY[HEAD], unknown)).toBe(false);
    expect(mayRectify(DIRECTORY[SUPERVISOR], unknown)).toBe(true);
  });

  it("adds a follow-up task's owner department to the department whose work it was", () => {
    const toWindow = followUpRectifierDepartments('dept-high-tech', {
      kind: 'department',
      departmentId: 'dept-window',
    });
    expect(mayRectify(DIRECTORY[CLERK], toWindow)).toBe(true);
    expect(mayRectify(DIRECTORY[HEAD], toWindow)).toBe(true);
    expect(mayRectify(DIRECTORY[POLICY], toWindow)).toBe(false);
    const toSupervisors = followUpRectifierDepartments('dept-high-tech', { kind: 'supervisors' });
    expect(mayRectify(DIRECTORY[CLERK], toSupervisors)).toBe(false);
    expect(mayRectify(DIRECTORY[SUPERVISOR], toSupervisors)).toBe(true);
  });
});

describe('foldRating: a rectification step by a stranger is kept, flagged and never applied', () => {
  const bad = given('2025-06-03', 'dissatisfied');
  const verified = (staffId: string) =>
    ratingEv(
      'rating.verified',
      { on: '2025-06-04', means: 'phone', note: '已回电核实' },
      { on: '2025-06-04', staffId },
    );
  const rectified = (staffId: string) =>
    ratingEv('rating.rectified', { mode: 'immediate', note: '当场补充告知' }, { on: '2025-06-04', staffId });
  const feedback = (staffId: string) =>
    ratingEv('rating.feedbackGiven', { on: '2025-06-05', how: 'phone' }, { on: '2025-06-05', staffId });

  it.each([
    ['an unrelated window clerk', CLERK],
    ["another department's head", POLICY],
    ['someone not in the directory', 'nobody'],
  ])('flags every step by %s', (_who, stranger) => {
    const steps = [verified(stranger), rectified(stranger), feedback(stranger)];
    const state = foldRating([bad, ...steps], { staffOf });
    expect(state?.rectification).toEqual({ openedByEventId: bad.eventId, openedOn: '2025-06-03' });
    expect(state?.flags).toEqual(steps.map((e) => ({ code: 'notAllowed', eventIds: [e.eventId] })));
    expect(state?.eventCount).toBe(4); // kept and counted as received
  });

  it("applies the steps of the rated person's department head, a supervisor and a leader, in any order", () => {
    const events = [bad, verified(SUPERVISOR), rectified(HEAD), feedback(LEADER)];
    const state = foldRating(events, { staffOf });
    expect(state?.flags).toEqual([]);
    expect(state?.rectification).toMatchObject({
      verification: { by: SUPERVISOR },
      decision: { by: HEAD, mode: 'immediate' },
      feedback: { by: LEADER },
    });
    expect(foldRating(shuffled(events), { staffOf })).toEqual(state);
  });

  it('a stranger first does not block the rightful step after it', () => {
    const state = foldRating([bad, rectified(CLERK), verified(SUPERVISOR), rectified(HEAD)], { staffOf });
    expect(state?.rectification?.decision?.by).toBe(HEAD);
    expect(state?.flags.map((f) => f.code)).toEqual(['notAllowed']);
  });

  it('still never lets the rated person call back, though they are in the department', () => {
    const own = verified(HANDLER);
    const state = foldRating([bad, own], { staffOf });
    expect(state?.flags).toEqual([{ code: 'notAllowed', eventIds: [own.eventId] }]);
    expect(state?.rectification?.verification).toBeUndefined();
  });
});

describe('foldFollowUp: a rectification step by someone outside its departments is flagged', () => {
  const context = {
    excludedStaffIds: [HANDLER],
    staffOf,
    rectifierDepartmentIds: followUpRectifierDepartments('dept-high-tech', { kind: 'supervisors' }),
  };
  const dissatisfied = recorded('2025-06-05', 'dissatisfied');
  const verified = (staffId: string) =>
    followUpEv(
      'followUp.verified',
      { on: '2025-06-06', means: 'phone', note: '已核实' },
      { on: '2025-06-06', staffId },
    );
  const rectified = (staffId: string) =>
    followUpEv('followUp.rectified', { mode: 'explained', note: '已解释说明' }, { on: '2025-06-06', staffId });

  it('flags a window clerk and applies the department head and a supervisor', () => {
    const stranger = rectified(CLERK);
    const state = foldFollowUp([dissatisfied, verified(SUPERVISOR), stranger, rectified(HEAD)], context);
    expect(state?.flags).toEqual([{ code: 'notAllowed', eventIds: [stranger.eventId] }]);
    expect(state?.rectifications[0]?.verification?.by).toBe(SUPERVISOR);
    expect(state?.rectifications[0]?.decision?.by).toBe(HEAD);
  });

  it('without the directory (old callers) applies the step as before', () => {
    const state = foldFollowUp([dissatisfied, verified(SUPERVISOR), rectified(CLERK)], { excludedStaffIds: [HANDLER] });
    expect(state?.flags).toEqual([]);
    expect(state?.rectifications[0]?.decision?.by).toBe(CLERK);
  });
});
