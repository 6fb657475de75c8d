import { describe, expect, it } from 'vitest';
import { byStoredOrder, foldComplaint } from '../../../shared/rules/complaint.ts';
import { mayGiveStatement } from '../../../shared/rules/complaintPermissions.ts';
import {
  ACCUSED,
  ACCUSED_2,
  changed,
  closed,
  codes,
  COLLEAGUE,
  context,
  dismissed,
  extension,
  finding,
  findingsClosed,
  fold,
  founded,
  HEAD,
  HEAD_OF_TECH,
  INVESTIGATOR,
  INVESTIGATOR_2,
  invited,
  LEADER,
  LEADER_OF_DEPT,
  ordered,
  OUTSIDER,
  received,
  RETIRED,
  shuffled,
  stated,
  told,
  unfounded,
  waived,
  corrected,
  cev,
} from './complaintBuilders.ts';

// Received Monday 29 September 2025, before the 国庆 holiday (1–8 October; Saturday 11 October is a working day).
const MON = '2025-09-29';
const intake = received(MON);
const order = ordered('2025-09-30');
const invite = invited('2025-10-09', '2025-10-15'); // the 5th working day after 9 October, Saturday the 11th counted
const closing = findingsClosed('2025-10-16');

describe('art. 31: the path of a complaint to closure', () => {
  it('art. 31: a leader orders an investigation, the investigator finds, the accused states their side, a leader decides, the complainant is told, it is closed', () => {
    const f = finding('2025-10-09');
    const events = [
      intake,
      order,
      f,
      invite,
      stated('2025-10-10'),
      closing,
      founded('2025-10-17'),
      told('2025-10-20'),
      closed('2025-10-20'),
    ];
    const state = fold(events);
    expect(state).toMatchObject({
      complaintId: intake.complaintId,
      status: 'closed',
      channel: 'hotline',
      receivedOn: MON,
      accusedStaffIds: [ACCUSED],
      investigatorIds: [INVESTIGATOR],
      investigation: { by: LEADER, on: '2025-09-30', investigatorIds: [INVESTIGATOR] },
      findings: [{ eventId: f.eventId, by: INVESTIGATOR, text: expect.any(String), evidenceLinks: [{ kind: 'case' }] }],
      findingsClosed: { by: INVESTIGATOR, ground: 'art32_3', on: '2025-10-16' },
      statements: [{ staffId: ACCUSED, dueOn: '2025-10-15', given: { by: ACCUSED, on: '2025-10-10' } }],
      decision: { outcome: 'founded', by: LEADER, on: '2025-10-17', measures: [{ staffId: ACCUSED }] },
      told: { by: INVESTIGATOR, toldOn: '2025-10-20', how: 'phone' },
      closure: { by: LEADER, on: '2025-10-20' },
      flags: [],
      eventCount: events.length,
    });
    // Whatever order the log is read in, and however often an event arrives, the complaint folds the same.
    expect(fold(shuffled([...events, events[3]!, events[0]!]))).toEqual(state);
  });

  it('art. 31: a leader may dismiss it (不予立案) with the reason; the complainant is told and it is closed', () => {
    const state = fold([intake, dismissed('2025-09-30'), told('2025-09-30', LEADER), closed('2025-10-09')]);
    expect(state).toMatchObject({ status: 'closed', dismissal: { by: LEADER, reason: expect.any(String) }, flags: [] });
    expect(state.investigation).toBeUndefined();
  });

  it('art. 31: only a leader decides whether to investigate; a second decision is refused', () => {
    expect(codes(fold([intake, dismissed('2025-09-30', INVESTIGATOR)]))).toEqual(['notAllowed']);
    expect(fold([intake, ordered('2025-09-30', [INVESTIGATOR], OUTSIDER)]).status).toBe('received');
    const twice = fold([intake, order, dismissed('2025-10-09'), ordered('2025-10-09', [INVESTIGATOR_2])]);
    expect(twice).toMatchObject({ status: 'investigating', investigatorIds: [INVESTIGATOR] });
    expect(codes(twice)).toEqual(['conflictingTransition', 'conflictingTransition']);
    expect(codes(fold([intake, dismissed('2025-09-30'), ordered('2025-10-09')]))).toEqual(['conflictingTransition']);
  });

  it('flags the acts of someone the directory does not know, or no longer active', () => {
    const ghost = ordered('2025-09-30', [INVESTIGATOR], 'staff-nobody');
    expect(codes(fold([intake, ghost]))).toEqual(['notAllowed']);
    const retiredLeader = {
      ...context,
      staff: (id: string) => (id === LEADER ? { ...context.staff(id)!, active: false } : context.staff(id)),
    };
    expect(codes(fold([intake, order], retiredLeader))).toEqual(['notAllowed']);
  });

  it('keeps a second intake of the same complaint and acts that arrived before the intake flagged', () => {
    const late = received('2025-10-09');
    const again = received('2025-10-09', { account: '重复登记' });
    const state = fold([order, late, again]);
    expect(state.account).not.toBe('重复登记');
    expect(state.flags).toEqual([
      { code: 'eventBeforeReceived', eventIds: [order.eventId] },
      { code: 'duplicateReceived', eventIds: [again.eventId] },
    ]);
    expect(foldComplaint([order], context)).toBeNull();
  });

  it('a named complaint is closed only after the complainant is told; an anonymous one without it', () => {
    const decided = [intake, order, closing, unfounded('2025-10-17')];
    const early = fold([...decided, closed('2025-10-17')]);
    expect(early.status).toBe('decided');
    expect(codes(early)).toEqual(['outOfOrder']);
    expect(codes(fold([intake, closed('2025-09-30')]))).toEqual(['outOfOrder']);

    const anonymous = received(MON, { complainant: { anonymous: true } });
    expect(fold([anonymous, order, closing, unfounded('2025-10-17'), closed('2025-10-17')]).status).toBe('closed');
    expect(fold([anonymous, dismissed('2025-09-30'), closed('2025-09-30')]).status).toBe('closed');
    expect(codes(fold([anonymous, order, closing, closed('2025-10-17')]))).toEqual(['outOfOrder']);
    expect(codes(fold([anonymous, closed('2025-09-30')]))).toEqual(['outOfOrder']);
    // Nobody can be told who left no name: a 'told' for an anonymous complaint is kept, flagged, never applied.
    const toldAnonymous = fold([anonymous, dismissed('2025-09-30'), told('2025-09-30', LEADER)]);
    expect(codes(toldAnonymous)).toEqual(['outOfOrder']);
    expect(toldAnonymous).toMatchObject({ status: 'dismissed' });
    expect(toldAnonymous).not.toHaveProperty('told');
  });

  it('art. 31: the complainant is told once, by a leader or an investigator, after the decision', () => {
    expect(codes(fold([intake, order, told('2025-10-09')]))).toEqual(['outOfOrder']);
    expect(codes(fold([intake, order, closing, unfounded('2025-10-17'), told('2025-10-17', OUTSIDER)]))).toEqual([
      'notAllowed',
    ]);
    const twice = fold([
      intake,
      order,
      closing,
      unfounded('2025-10-17'),
      told('2025-10-17'),
      told('2025-10-20', LEADER),
    ]);
    expect(twice.told?.toldOn).toBe('2025-10-17');
    expect(codes(twice)).toEqual(['conflictingTransition']);
    expect(
      codes(fold([intake, dismissed('2025-09-30'), told('2025-09-30', INVESTIGATOR), told('2025-10-09')])),
    ).toEqual(['notAllowed', 'notAllowed']);
    expect(
      codes(
        fold([intake, dismissed('2025-09-30'), told('2025-09-30', LEADER), closed('2025-10-09'), closed('2025-10-10')]),
      ),
    ).toEqual(['conflictingTransition']);
    expect(
      codes(fold([intake, dismissed('2025-09-30'), told('2025-09-30', LEADER), closed('2025-10-09', OUTSIDER)])),
    ).toEqual(['notAllowed']);
  });
});

describe('art. 31 调查核实: only the assigned investigators find, once the investigation is ordered', () => {
  it('art. 31: a finding or the closing of findings by anyone else is refused', () => {
    expect(codes(fold([intake, order, finding('2025-10-09', OUTSIDER), findingsClosed('2025-10-09', LEADER)]))).toEqual(
      ['notAllowed', 'notAllowed'],
    );
    expect(codes(fold([intake, finding('2025-09-30')]))).toEqual(['notAllowed']);
  });

  it('art. 31: findings before the order, after they were closed, or closed twice are refused', () => {
    const state = fold([
      intake,
      ordered('2025-09-30', [INVESTIGATOR, INVESTIGATOR_2]),
      closing,
      finding('2025-10-17'),
      findingsClosed('2025-10-17', INVESTIGATOR_2),
    ]);
    expect(state.findings).toEqual([]);
    expect(state.findingsClosed?.by).toBe(INVESTIGATOR);
    expect(codes(state)).toEqual(['outOfOrder', 'conflictingTransition']);
  });

  it('art. 31: a leader replaces the investigators with a reason; the replaced one may no longer find', () => {
    const change = changed('2025-10-09', [INVESTIGATOR_2]);
    const state = fold([intake, order, change, finding('2025-10-10'), finding('2025-10-10', INVESTIGATOR_2)]);
    expect(state.investigatorIds).toEqual([INVESTIGATOR_2]);
    expect(state.investigatorChanges).toEqual([
      expect.objectContaining({ eventId: change.eventId, reason: '原调查人员另有任务' }),
    ]);
    expect(state.findings.map((f) => f.by)).toEqual([INVESTIGATOR_2]);
    expect(codes(state)).toEqual(['notAllowed']);
    expect(codes(fold([intake, changed('2025-09-30', [INVESTIGATOR_2])]))).toEqual(['outOfOrder']);
    expect(codes(fold([intake, order, changed('2025-10-09', [INVESTIGATOR_2], INVESTIGATOR)]))).toEqual(['notAllowed']);
  });
});

describe('art. 31 回避: nobody with an interest investigates or decides', () => {
  it('art. 31: the accused, their department head and their colleagues may not be investigators', () => {
    for (const id of [ACCUSED, HEAD, COLLEAGUE]) {
      const state = fold([intake, ordered('2025-09-30', [INVESTIGATOR, id])]);
      expect(state.status).toBe('received');
      expect(codes(state)).toEqual(['recused']);
    }
    expect(codes(fold([intake, order, changed('2025-10-09', [HEAD])]))).toEqual(['recused']);
  });

  it('art. 31: colleagues of the accused department may investigate when the bureau recuses only the head', () => {
    const narrow = {
      ...context,
      settings: { decideDays: 3, investigateDays: 20, statementDays: 5, tellDays: 2, recuseSameDepartment: false },
    };
    expect(fold([intake, ordered('2025-09-30', [COLLEAGUE])], narrow)).toMatchObject({
      status: 'investigating',
      flags: [],
    });
    expect(codes(fold([intake, ordered('2025-09-30', [HEAD])], narrow))).toEqual(['recused']);
    expect(codes(fold([intake, ordered('2025-09-30', [ACCUSED])], narrow))).toEqual(['recused']);
    // A leader of the accused department decides unless the whole department stands aside.
    expect(fold([intake, dismissed('2025-09-30', LEADER_OF_DEPT)], narrow).status).toBe('dismissed');
    expect(codes(fold([intake, dismissed('2025-09-30', LEADER_OF_DEPT)]))).toEqual(['recused']);
  });

  it('art. 31: a department complained about recuses its head; an accused person recuses their own department', () => {
    const againstTech = received(MON, { accusedStaffIds: [], accusedDepartmentIds: ['dept-tech'] });
    expect(codes(fold([againstTech, ordered('2025-09-30', [HEAD_OF_TECH])]))).toEqual(['recused']);
    expect(fold([againstTech, ordered('2025-09-30', [HEAD])]).status).toBe('investigating');
    const againstZhang = received(MON, { accusedStaffIds: [ACCUSED_2] });
    expect(codes(fold([againstZhang, ordered('2025-09-30', [HEAD_OF_TECH])]))).toEqual(['recused']);
    expect(fold([againstZhang, ordered('2025-09-30', [HEAD])]).status).toBe('investigating');
  });

  it('art. 31: a complaint about one leader is decided by another; the accused leader and their department stand aside', () => {
    const againstLeader = received(MON, { accusedStaffIds: [LEADER_OF_DEPT] });
    expect(codes(fold([againstLeader, dismissed('2025-09-30', LEADER_OF_DEPT)]))).toEqual(['recused']);
    expect(codes(fold([againstLeader, ordered('2025-09-30', [COLLEAGUE])]))).toEqual(['recused']);
    expect(fold([againstLeader, ordered('2025-09-30', [INVESTIGATOR])])).toMatchObject({
      status: 'investigating',
      flags: [],
    });
  });

  it('refuses an investigator the directory does not know or who left', () => {
    expect(codes(fold([intake, ordered('2025-09-30', [RETIRED])]))).toEqual(['notAllowed']);
    expect(codes(fold([intake, ordered('2025-09-30', ['staff-nobody'])]))).toEqual(['notAllowed']);
  });

  it('art. 31: an accused leader may not decide their own complaint, nor a recused leader order, extend or correct', () => {
    const againstLeader = received(MON, { accusedStaffIds: [LEADER_OF_DEPT] });
    expect(codes(fold([againstLeader, dismissed('2025-09-30', LEADER_OF_DEPT)]))).toEqual(['recused']);
    const path = [intake, order, closing];
    expect(codes(fold([...path, unfounded('2025-10-17', LEADER_OF_DEPT)]))).toEqual(['recused']);
    expect(codes(fold([intake, order, extension('2025-10-09', 'investigation', 5, true, LEADER_OF_DEPT)]))).toEqual([
      'recused',
    ]);
    expect(
      codes(
        fold([
          ...path,
          invite,
          waived('2025-10-16'),
          founded('2025-10-17'),
          corrected('2025-10-20', ['remedy'], 'serious', ACCUSED, LEADER_OF_DEPT),
        ]),
      ),
    ).toEqual(['recused']);
  });
});

describe('art. 31 陈述申辩: the person complained about states their side before any decision', () => {
  const path = [intake, order, closing];

  it('art. 31: a founded decision waits until the accused stated their side, declined in writing, or let the day pass', () => {
    const pending = fold([intake, order, invite, findingsClosed('2025-10-13'), founded('2025-10-15')]);
    expect(pending.status).toBe('findingsClosed');
    expect(codes(pending)).toEqual(['statementPending']);
    // Never invited: the day never passes.
    expect(codes(fold([...path, founded('2025-12-01')]))).toEqual(['statementPending']);
    // The day passed: the next day the decision stands.
    expect(fold([intake, order, invite, closing, founded('2025-10-16')]).status).toBe('decided');
    expect(fold([intake, order, invite, stated('2025-10-10'), closing, founded('2025-10-10')]).status).toBe(
      'findingsClosed',
    );
    expect(
      fold([intake, order, invite, stated('2025-10-10'), findingsClosed('2025-10-10'), founded('2025-10-10')]).status,
    ).toBe('decided');
    expect(
      fold([intake, order, invite, waived('2025-10-09'), findingsClosed('2025-10-09'), founded('2025-10-09')]).status,
    ).toBe('decided');
  });

  it('art. 31: every accused person is heard before a founded decision', () => {
    const two = received(MON, { accusedStaffIds: [ACCUSED, ACCUSED_2] });
    const half = fold([two, order, invite, stated('2025-10-10'), closing, founded('2025-10-16')]);
    expect(codes(half)).toEqual(['statementPending']);
    const both = fold([
      two,
      order,
      invite,
      invited('2025-10-09', '2025-10-15', ACCUSED_2),
      stated('2025-10-10'),
      waived('2025-10-10', ACCUSED_2),
      closing,
      founded('2025-10-16'),
    ]);
    expect(both.status).toBe('decided');
  });

  it('art. 31: an unfounded decision needs no statement', () => {
    expect(fold([...path, unfounded('2025-10-16')]).status).toBe('decided');
  });

  it('art. 31: only the invited accused person gives their own statement, once, before the decision', () => {
    expect(codes(fold([...path, stated('2025-10-16')]))).toEqual(['notAllowed']); // not invited
    expect(codes(fold([intake, order, invite, stated('2025-10-10', COLLEAGUE)]))).toEqual(['notAllowed']);
    expect(codes(fold([intake, order, invite, stated('2025-10-10', OUTSIDER)]))).toEqual(['notAllowed']);
    expect(codes(fold([intake, order, invite, waived('2025-10-10', ACCUSED, HEAD)]))).toEqual(['recused']);
    // Nobody invites themselves.
    expect(codes(fold([intake, order, invited('2025-10-09', '2025-10-15', ACCUSED, ACCUSED)]))).toEqual(['recused']);
    const unknownInvites = received(MON, { accusedStaffIds: ['staff-nobody'] });
    expect(
      codes(fold([unknownInvites, order, invited('2025-10-09', '2025-10-15', 'staff-nobody', 'staff-nobody')])),
    ).toEqual(['notAllowed']);
    expect(codes(fold([intake, order, invite, stated('2025-10-10', INVESTIGATOR)]))).toEqual(['notAllowed']);
    const twice = fold([intake, order, invite, stated('2025-10-10'), stated('2025-10-13'), waived('2025-10-13')]);
    expect(twice.statements[0]?.given?.on).toBe('2025-10-10');
    expect(codes(twice)).toEqual(['conflictingTransition', 'conflictingTransition']);
    const after = fold([
      intake,
      order,
      closing,
      unfounded('2025-10-16'),
      invited('2025-10-17', '2025-10-24'),
      stated('2025-10-17'),
    ]);
    expect(codes(after)).toEqual(['outOfOrder', 'outOfOrder']);
    expect(mayGiveStatement(ACCUSED, fold([intake, order, invite]))).toBe(true);
    expect(mayGiveStatement(ACCUSED, fold([intake, order, invite, stated('2025-10-10')]))).toBe(false);
    expect(mayGiveStatement(ACCUSED, fold([intake, order]))).toBe(false);
    expect(mayGiveStatement(COLLEAGUE, fold([intake, order, invite]))).toBe(false);
  });

  it('art. 31: an invitation gives at least the settings’ working days, and a later one only more time', () => {
    const short = fold([intake, order, invited('2025-10-09', '2025-10-14')]);
    expect(codes(short)).toEqual(['statementTooShort']);
    expect(short.statements[0]?.invitations).toEqual([]);
    const longer = fold([
      intake,
      order,
      invite,
      invited('2025-10-10', '2025-10-24', ACCUSED, LEADER),
      invited('2025-10-13', '2025-10-20'),
    ]);
    expect(longer.statements[0]?.dueOn).toBe('2025-10-24');
    expect(longer.statements[0]?.invitations).toHaveLength(3);
    expect(codes(fold([...path, founded('2025-10-24')].concat([])))).toEqual(['statementPending']);
  });

  it('art. 31: an invitation or waiver names an accused person, made by an investigator or a leader', () => {
    expect(codes(fold([intake, order, invited('2025-10-09', '2025-10-15', COLLEAGUE)]))).toEqual(['notAccused']);
    expect(codes(fold([intake, order, waived('2025-10-09', COLLEAGUE)]))).toEqual(['notAccused']);
    expect(codes(fold([intake, order, invited('2025-10-09', '2025-10-15', ACCUSED, OUTSIDER)]))).toEqual([
      'notAllowed',
    ]);
    expect(codes(fold([intake, order, invited('2025-10-09', '2025-10-15', ACCUSED, HEAD)]))).toEqual(['recused']);
    expect(codes(fold([intake, order, invite, waived('2025-10-09', ACCUSED, OUTSIDER)]))).toEqual(['notAllowed']);
    // The accused declines in their own name, once told of the right (invited); nobody declines it for them.
    expect(fold([intake, order, invite, waived('2025-10-09', ACCUSED, ACCUSED)]).statements[0]?.waived?.by).toBe(
      ACCUSED,
    );
    expect(codes(fold([intake, order, waived('2025-10-09', ACCUSED, ACCUSED)]))).toEqual(['notAllowed']);
    for (const someoneElse of [INVESTIGATOR, LEADER]) {
      const forThem = fold([intake, order, invite, waived('2025-10-09', ACCUSED, someoneElse)]);
      expect(codes(forThem)).toEqual(['notAllowed']);
      expect(forThem.statements[0]?.waived).toBeUndefined();
      // …so a founded decision still waits for the invitation's day.
      expect(
        codes(
          fold([
            intake,
            order,
            invite,
            waived('2025-10-09', ACCUSED, someoneElse),
            findingsClosed('2025-10-10'),
            founded('2025-10-14'),
          ]),
        ),
      ).toEqual(['notAllowed', 'statementPending']);
    }
    expect(codes(fold([intake, invite]))).toEqual(['notAllowed']); // not yet anyone's investigator
    expect(codes(fold([intake, invited('2025-10-09', '2025-10-15', ACCUSED, LEADER)]))).toEqual(['outOfOrder']);
  });
});

describe('art. 31, 33: the decision', () => {
  const heard = [intake, order, invite, stated('2025-10-10'), closing];

  it('art. 31: decided by a leader, once, after the findings are closed', () => {
    expect(codes(fold([intake, order, unfounded('2025-10-09')]))).toEqual(['outOfOrder']);
    expect(codes(fold([...heard, founded('2025-10-17', undefined, INVESTIGATOR)]))).toEqual(['notAllowed']);
    const twice = fold([...heard, unfounded('2025-10-17'), founded('2025-10-20')]);
    expect(twice.decision?.outcome).toBe('unfounded');
    expect(codes(twice)).toEqual(['conflictingTransition']);
  });

  it('art. 33: measures name only the staff complained about', () => {
    const state = fold([
      ...heard,
      founded('2025-10-17', [{ staffId: COLLEAGUE, measures: ['criticism'], gravity: 'ordinary' }]),
    ]);
    expect(codes(state)).toEqual(['notAccused']);
    expect(state.decision).toBeUndefined();
  });

  it('art. 33: a correction is a new entry by a leader, for a person the founded decision named', () => {
    const decided = [...heard, founded('2025-10-17')];
    const fix = corrected('2025-10-20', ['remedy'], 'serious');
    const state = fold([...decided, fix, corrected('2025-10-20', ['remedy'], 'serious', ACCUSED, INVESTIGATOR)]);
    expect(state.corrections).toEqual([
      expect.objectContaining({ eventId: fix.eventId, measures: ['remedy'], gravity: 'serious' }),
    ]);
    expect(state.decision).toMatchObject({
      measures: [{ staffId: ACCUSED, measures: ['criticism'], gravity: 'ordinary' }],
    });
    expect(codes(state)).toEqual(['notAllowed']);
    expect(codes(fold([...decided, corrected('2025-10-20', ['remedy'], 'serious', COLLEAGUE)]))).toEqual([
      'notAccused',
    ]);
    expect(codes(fold([...heard, unfounded('2025-10-17'), corrected('2025-10-20', ['remedy'], 'serious')]))).toEqual([
      'outOfOrder',
    ]);
  });
});

describe('extensions are a leader’s, for the stage that runs', () => {
  it('records an extension of the running stage and refuses one of another stage or by anyone else', () => {
    const x = extension('2025-10-09', 'investigation', 10);
    expect(fold([intake, order, x]).extensions).toEqual([
      expect.objectContaining({ eventId: x.eventId, stage: 'investigation', days: 10, approved: true }),
    ]);
    expect(codes(fold([intake, order, extension('2025-10-09', 'acceptance', 2)]))).toEqual(['outOfOrder']);
    expect(codes(fold([intake, order, extension('2025-10-09', 'investigation', 2, true, INVESTIGATOR)]))).toEqual([
      'notAllowed',
    ]);
    expect(fold([intake, extension('2025-09-30', 'acceptance', 2)]).extensions).toHaveLength(1);
    expect(fold([intake, order, closing, extension('2025-10-17', 'decision', 2)]).extensions).toHaveLength(1);
    expect(codes(fold([intake, order, closing, extension('2025-10-17', 'investigation', 2)]))).toEqual(['outOfOrder']);
    expect(fold([intake, dismissed('2025-09-30'), extension('2025-10-09', 'telling', 2)]).extensions).toHaveLength(1);
    expect(codes(fold([intake, extension('2025-09-30', 'telling', 2)]))).toEqual(['outOfOrder']);
    const anonymous = received(MON, { complainant: { anonymous: true } });
    expect(codes(fold([anonymous, dismissed('2025-09-30'), extension('2025-10-09', 'telling', 2)]))).toEqual([
      'outOfOrder',
    ]);
  });
});

describe('the fold keeps what each act said', () => {
  it('orders acts HQ stored in the same instant by their event id, whatever order they are read in', () => {
    const first = ordered('2025-09-30');
    const second = dismissed('2025-09-30');
    expect(byStoredOrder(first, second)).toBeLessThan(0);
    expect(byStoredOrder(second, first)).toBeGreaterThan(0);
    expect(byStoredOrder(first, first)).toBe(0);
    expect(byStoredOrder(order, received('2025-10-09'))).toBeLessThan(0);
    for (const events of [
      [intake, first, second],
      [second, first, intake],
      [intake, second, first],
    ]) {
      const state = fold(events);
      expect(state.status).toBe('investigating');
      expect(state.flags).toEqual([{ code: 'conflictingTransition', eventIds: [second.eventId] }]);
    }
  });

  it('keeps the notes, the work order number and the invitations as recorded', () => {
    const referral = received(MON, { channel: 'referral12345', referenceNo: 'NY20250929-0012' });
    const withNote = cev(
      'complaint.investigationOrdered',
      { investigatorIds: [INVESTIGATOR], note: '请于20个工作日内查清' },
      { on: '2025-09-30', by: LEADER },
    );
    const closing2 = cev('complaint.closed', { note: '已归档' }, { on: '2025-10-20', by: LEADER });
    const toldWithNote = cev(
      'complaint.complainantTold',
      { on: '2025-10-17', how: 'letter', note: '寄送处理结果告知书' },
      { on: '2025-10-17', by: INVESTIGATOR, time: '16:00' },
    );
    const state = fold([referral, withNote, closing, unfounded('2025-10-17'), toldWithNote, closing2]);
    expect(state.referenceNo).toBe('NY20250929-0012');
    expect(state.investigation?.note).toBe('请于20个工作日内查清');
    expect(state.told).toMatchObject({ how: 'letter', note: '寄送处理结果告知书' });
    expect(state.closure?.note).toBe('已归档');
    expect(fold([intake])).toMatchObject({ investigatorIds: [], status: 'received' });
    expect(fold([intake])).not.toHaveProperty('referenceNo');
    expect(
      fold([intake, order, closing, unfounded('2025-10-17'), told('2025-10-17'), closed('2025-10-17')]).closure,
    ).not.toHaveProperty('note');
    expect(fold([intake, order, invite]).statements[0]?.invitations).toEqual([
      expect.objectContaining({ by: INVESTIGATOR, on: '2025-10-09', dueOn: '2025-10-15' }),
    ]);
  });

  it('folds a complaint against someone the directory does not know, recusing only what it knows', () => {
    const state = fold([received(MON, { accusedStaffIds: ['staff-nobody', ACCUSED] })]);
    expect(state.recusal.departmentIds).toEqual(['dept-approval']);
  });

  it('art. 31: the bureau’s settings set the least time to state one’s side', () => {
    const settings = { decideDays: 3, investigateDays: 20, statementDays: 1, tellDays: 2, recuseSameDepartment: true };
    const short = invited('2025-10-09', '2025-10-10');
    expect(fold([intake, order, short], { ...context, settings }).statements[0]?.dueOn).toBe('2025-10-10');
    expect(codes(fold([intake, order, short]))).toEqual(['statementTooShort']);
  });

  it('art. 33: a founded complaint about staff names the measures against at least one of them', () => {
    const none = fold([intake, order, invite, stated('2025-10-10'), closing, founded('2025-10-16', [])]);
    expect(codes(none)).toEqual(['measuresRequired']);
    expect(none.status).toBe('findingsClosed');
    const againstTech = received(MON, { accusedStaffIds: [], accusedDepartmentIds: ['dept-tech'] });
    expect(fold([againstTech, order, closing, founded('2025-10-16', [])]).status).toBe('decided');
  });

  it('art. 33: a founded decision naming anyone not complained about is refused whole', () => {
    const mixed = founded('2025-10-17', [
      { staffId: ACCUSED, measures: ['criticism'], gravity: 'ordinary' },
      { staffId: COLLEAGUE, measures: ['criticism'], gravity: 'ordinary' },
    ]);
    expect(codes(fold([intake, order, invite, waived('2025-10-09'), closing, mixed]))).toEqual(['notAccused']);
    expect(codes(fold([intake, order, corrected('2025-10-09', ['remedy'], 'serious')]))).toEqual(['outOfOrder']);
  });

  it('extends the decision only after the findings, and the telling after a decision too', () => {
    expect(codes(fold([intake, order, extension('2025-10-09', 'decision', 2)]))).toEqual(['outOfOrder']);
    expect(
      fold([intake, order, closing, unfounded('2025-10-17'), extension('2025-10-17', 'telling', 2)]).extensions,
    ).toHaveLength(1);
  });

  it('says whether the accused may still state their side', () => {
    expect(mayGiveStatement(ACCUSED, fold([intake, order, invite, waived('2025-10-10')]))).toBe(false);
    expect(mayGiveStatement(ACCUSED, fold([intake, order, invite, closing]))).toBe(true);
    expect(mayGiveStatement(ACCUSED, fold([intake, order, invite, closing, founded('2025-10-16')]))).toBe(false);
  });
});
