import { describe, expect, it } from 'vitest';
import {
  isRecused,
  mayBeInvestigator,
  mayDecideComplaint,
  mayReadComplaint,
  recusalOf,
} from '../../../shared/rules/complaintPermissions.ts';
import { accountabilityRecord, statementViewOf } from '../../../shared/rules/complaintViews.ts';
import {
  ACCUSED,
  ACCUSED_2,
  changed,
  COLLEAGUE,
  corrected,
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
  NAMED,
  ordered,
  OUTSIDER,
  received,
  RETIRED,
  staff,
  stated,
  unfounded,
  waived,
} from './complaintBuilders.ts';

const MON = '2025-09-29';
const intake = received(MON, { links: [{ kind: 'contact', id: '01JZC0NTACT000000000000001' }] });
const investigating = fold([intake, ordered('2025-09-30')]);

describe('issue 14: complaint records are confidential', () => {
  it('leaders, supervisors and the assigned investigators read a complaint', () => {
    expect(mayReadComplaint(staff(LEADER), investigating)).toBe(true);
    expect(mayReadComplaint(staff(INVESTIGATOR_2), investigating)).toBe(true); // a supervisor, not assigned
    expect(mayReadComplaint(staff(OUTSIDER), investigating)).toBe(false);
    const byClerk = fold([received(MON, { accusedStaffIds: [ACCUSED_2] }), ordered('2025-09-30', [OUTSIDER])]);
    expect(mayReadComplaint(staff(OUTSIDER), byClerk)).toBe(true);
    // Replaced, the clerk no longer reads it.
    expect(
      mayReadComplaint(
        staff(OUTSIDER),
        fold([
          received(MON, { accusedStaffIds: [ACCUSED_2] }),
          ordered('2025-09-30', [OUTSIDER]),
          changed('2025-10-09', [INVESTIGATOR]),
        ]),
      ),
    ).toBe(false);
  });

  it('the accused, whoever stands aside and anyone who left never read it, whatever their role', () => {
    const againstLeader = fold([received(MON, { accusedStaffIds: [LEADER] })]);
    expect(mayReadComplaint(staff(LEADER), againstLeader)).toBe(false);
    expect(mayReadComplaint(staff(LEADER_OF_DEPT), investigating)).toBe(false);
    expect(mayReadComplaint(staff(HEAD), investigating)).toBe(false);
    expect(mayReadComplaint(staff(ACCUSED), investigating)).toBe(false);
    expect(mayReadComplaint(staff(RETIRED), investigating)).toBe(false);
    expect(mayReadComplaint({ ...staff(INVESTIGATOR), active: false }, investigating)).toBe(false);
  });

  it('art. 31 陈述申辩: the accused sees what they must answer, never who complained nor the records linked', () => {
    const state = fold([
      intake,
      ordered('2025-09-30'),
      finding('2025-10-09'),
      invited('2025-10-09', '2025-10-15'),
      stated('2025-10-10'),
      findingsClosed('2025-10-10'),
      founded('2025-10-13'),
    ]);
    const view = statementViewOf(state, ACCUSED);
    expect(view).toEqual({
      complaintId: state.complaintId,
      receivedOn: MON,
      account: state.account,
      findingsSummary: '未一次性告知补正材料，情况属实',
      ground: 'art32_3',
      invitedDueOn: '2025-10-15',
      statement: '当日系统故障，未能一次打印告知单',
      waived: false,
      outcome: 'founded',
      ownMeasures: ['criticism'],
    });
    const text = JSON.stringify(view);
    for (const secret of [NAMED.name, NAMED.phone, NAMED.organisation, '01JZC0NTACT000000000000001', '调取登记记录']) {
      expect(text).not.toContain(secret);
    }
    expect(statementViewOf(state, COLLEAGUE)).toBeNull();
    expect(statementViewOf(state, LEADER)).toBeNull();
  });

  it('the accused’s view before anything happened, after a waiver, and of an unfounded outcome', () => {
    expect(statementViewOf(fold([intake]), ACCUSED)).toStrictEqual({
      complaintId: intake.complaintId,
      receivedOn: MON,
      account: expect.any(String),
      waived: false,
    });
    const unfoundedState = fold([
      intake,
      ordered('2025-09-30'),
      invited('2025-10-09', '2025-10-16'),
      waived('2025-10-09'),
      findingsClosed('2025-10-09'),
      unfounded('2025-10-10'),
    ]);
    expect(statementViewOf(unfoundedState, ACCUSED)).toMatchObject({ waived: true, outcome: 'unfounded' });
    expect(statementViewOf(unfoundedState, ACCUSED)).not.toHaveProperty('ownMeasures');
  });
});

describe('art. 31 回避: the recusal rule', () => {
  const recusal = recusalOf([ACCUSED], ['dept-office'], (id) => staff(id).departmentId, true);

  it('stands aside the accused, the heads and, by the settings, everyone of the departments concerned', () => {
    expect(recusal).toEqual({
      staffIds: [ACCUSED],
      departmentIds: ['dept-office', 'dept-approval'],
      sameDepartment: true,
    });
    expect(isRecused(staff(ACCUSED), recusal)).toBe(true);
    expect(isRecused(staff(HEAD), recusal)).toBe(true);
    expect(isRecused(staff(COLLEAGUE), recusal)).toBe(true);
    expect(isRecused(staff(OUTSIDER), recusal)).toBe(true); // of dept-office, complained about
    expect(isRecused(staff(INVESTIGATOR), recusal)).toBe(false);
    const narrow = { ...recusal, sameDepartment: false };
    expect(isRecused(staff(COLLEAGUE), narrow)).toBe(false);
    expect(isRecused(staff(HEAD), narrow)).toBe(true);
    expect(isRecused(staff(ACCUSED), narrow)).toBe(true);
    // A head of a department not concerned stays.
    expect(isRecused({ ...staff(HEAD), departmentId: 'dept-party' }, narrow)).toBe(false);
  });

  it('art. 31: a complaint about a leader is worked by the other leaders; that leader’s department still stands aside', () => {
    const isLeader = (id: string) => staff(id).roles.includes('leader');
    const againstLeader = recusalOf([LEADER_OF_DEPT], [], (id) => staff(id).departmentId, true, isLeader);
    expect(againstLeader.leaderPeerDepartmentIds).toEqual(['dept-approval']);
    expect(isRecused(staff(LEADER_OF_DEPT), againstLeader)).toBe(true);
    expect(isRecused({ ...staff(LEADER), departmentId: 'dept-approval' }, againstLeader)).toBe(false);
    expect(mayDecideComplaint({ ...staff(LEADER), departmentId: 'dept-approval' }, againstLeader)).toBe(true);
    expect(isRecused(staff(COLLEAGUE), againstLeader)).toBe(true);
    expect(isRecused(staff(HEAD), againstLeader)).toBe(true);
    // The same department complained about by name, or through a clerk of it, recuses its leaders again.
    const alsoNamed = recusalOf([LEADER_OF_DEPT], ['dept-approval'], (id) => staff(id).departmentId, true, isLeader);
    expect(alsoNamed).not.toHaveProperty('leaderPeerDepartmentIds');
    expect(isRecused({ ...staff(LEADER), departmentId: 'dept-approval' }, alsoNamed)).toBe(true);
    const withClerk = recusalOf([LEADER_OF_DEPT, ACCUSED], [], (id) => staff(id).departmentId, true, isLeader);
    expect(isRecused({ ...staff(LEADER), departmentId: 'dept-approval' }, withClerk)).toBe(true);
  });

  it('ignores an accused person the directory does not know when it gathers the departments', () => {
    expect(recusalOf(['staff-nobody'], [], () => undefined, false)).toEqual({
      staffIds: ['staff-nobody'],
      departmentIds: [],
      sameDepartment: false,
    });
  });

  it('art. 31: leaders decide and any active staff member investigates, unless they stand aside', () => {
    expect(mayDecideComplaint(staff(LEADER), recusal)).toBe(true);
    expect(mayDecideComplaint(staff(LEADER_OF_DEPT), recusal)).toBe(false);
    expect(mayDecideComplaint(staff(INVESTIGATOR), recusal)).toBe(false);
    expect(mayDecideComplaint({ ...staff(LEADER), active: false }, recusal)).toBe(false);
    expect(mayBeInvestigator(staff(INVESTIGATOR), recusal)).toBe(true);
    expect(mayBeInvestigator(staff(RETIRED), recusal)).toBe(false);
    expect(mayBeInvestigator(staff(HEAD), recusal)).toBe(false);
  });
});

describe('art. 33: the accountability record', () => {
  const heard = [
    intake,
    ordered('2025-09-30'),
    invited('2025-10-09', '2025-10-16'),
    waived('2025-10-09'),
    findingsClosed('2025-10-09'),
  ];

  it('art. 33: lists a person’s founded measures with the complaint, the day and the ground, corrections applied', () => {
    const decided = fold([
      ...heard,
      founded('2025-10-10', [{ staffId: ACCUSED, measures: ['criticism', 'remedy'], gravity: 'serious' }]),
      corrected('2025-10-20', ['criticism'], 'ordinary'),
    ]);
    expect(accountabilityRecord([decided], ACCUSED)).toEqual([
      {
        complaintId: decided.complaintId,
        decidedOn: '2025-10-10',
        ground: 'art32_3',
        measures: ['criticism'],
        gravity: 'ordinary',
        decided: { measures: ['criticism', 'remedy'], gravity: 'serious' },
        corrections: [
          { on: '2025-10-20', by: LEADER, measures: ['criticism'], gravity: 'ordinary', reason: '经复核，原处理偏重' },
        ],
      },
    ]);
  });

  it('art. 33: the last correction stands; unfounded, undecided and other people’s complaints are not on the record', () => {
    const two = received(MON, { accusedStaffIds: [ACCUSED, ACCUSED_2] });
    const decided = fold([
      two,
      ordered('2025-09-30'),
      invited('2025-10-09', '2025-10-16'),
      invited('2025-10-09', '2025-10-16', ACCUSED_2),
      waived('2025-10-09'),
      waived('2025-10-09', ACCUSED_2),
      findingsClosed('2025-10-09'),
      founded('2025-10-13', [
        { staffId: ACCUSED, measures: ['criticism'], gravity: 'ordinary' },
        { staffId: ACCUSED_2, measures: ['organisational'], gravity: 'verySerious' },
      ]),
      corrected('2025-10-20', ['remedy'], 'serious', ACCUSED_2),
      corrected('2025-10-21', ['administrative'], 'serious', ACCUSED_2),
    ]);
    const earlier = fold([...heard, founded('2025-10-10')]);
    expect(
      accountabilityRecord([decided, earlier], ACCUSED).map((e) => [e.decidedOn, e.measures, e.corrections.length]),
    ).toEqual([
      ['2025-10-10', ['criticism'], 0],
      ['2025-10-13', ['criticism'], 0],
    ]);
    expect(accountabilityRecord([decided], ACCUSED_2)).toMatchObject([
      {
        measures: ['administrative'],
        gravity: 'serious',
        decided: { measures: ['organisational'], gravity: 'verySerious' },
      },
    ]);
    expect(
      accountabilityRecord([fold([...heard, unfounded('2025-10-10')]), fold(heard), fold([intake])], ACCUSED),
    ).toEqual([]);
    expect(accountabilityRecord([earlier], COLLEAGUE)).toEqual([]);
    const otherOnly = fold([
      two,
      ordered('2025-09-30'),
      invited('2025-10-09', '2025-10-16'),
      invited('2025-10-09', '2025-10-16', ACCUSED_2),
      waived('2025-10-09'),
      waived('2025-10-09', ACCUSED_2),
      findingsClosed('2025-10-09'),
      founded('2025-10-13', [{ staffId: ACCUSED_2, measures: ['criticism'], gravity: 'ordinary' }]),
    ]);
    expect(accountabilityRecord([otherOnly], ACCUSED)).toEqual([]);
    expect(statementViewOf(otherOnly, ACCUSED)).toMatchObject({ outcome: 'founded' });
    expect(statementViewOf(otherOnly, ACCUSED)).not.toHaveProperty('ownMeasures');
  });
});
