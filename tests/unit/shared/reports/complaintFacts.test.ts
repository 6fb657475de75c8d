import { describe, expect, it } from 'vitest';
import type { ComplaintEvent } from '../../../../shared/model/complaintEvents.ts';
import { complaintFacts } from '../../../../shared/rules/reports/complaintFacts.ts';
import { UNKNOWN_DEPARTMENT, type ComplaintFact } from '../../../../shared/rules/reports/facts.ts';
import { figures } from '../../../../shared/rules/reports/figures.ts';
import { periodOf } from '../../../../shared/rules/reports/periods.ts';
import {
  ACCUSED,
  ACCUSED_2,
  COMPLAINT_ID,
  corrected,
  dismissed,
  DIRECTORY,
  findingsClosed,
  fold,
  founded,
  invited,
  ordered,
  received,
  stated,
  unfounded,
  waived,
} from '../complaintBuilders.ts';

// 投诉 in the supervision report (art. 31–33, issue 14): one fact per person complained about on the day the complaint
// was received, founded once decided, with the measures standing against each (art. 33); a department named alone
// counts once under it. Hand-computed against the complaint rules' own small bureau (complaintBuilders.ts).

const ctx = { departmentOf: (id: string) => DIRECTORY.find((s) => s.id === id)?.departmentId };
const factsOf = (events: ComplaintEvent[]) => complaintFacts(fold(events), ctx);
/** Another complaint of the same small bureau. */
const other = (complaintId: string, events: ComplaintEvent[]) =>
  complaintFacts(fold(events.map((e) => ({ ...e, complaintId }) as ComplaintEvent)), ctx);
const MARCH = periodOf('month', '2026-03-15');

/** Received on 2 March about both accused, investigated, both heard, then decided on 20 March. */
const investigated = (): ComplaintEvent[] => [
  received('2026-03-02', { accusedStaffIds: [ACCUSED, ACCUSED_2], accusedDepartmentIds: [] }),
  ordered('2026-03-03'),
  findingsClosed('2026-03-10'),
  invited('2026-03-10', '2026-03-17'),
  stated('2026-03-11'),
  invited('2026-03-10', '2026-03-17', ACCUSED_2),
  waived('2026-03-12', ACCUSED_2),
];

describe('complaintFacts', () => {
  it('counts an undecided complaint once per person complained about, on the day received, under their departments', () => {
    const { facts, settled } = factsOf([received('2026-03-05', { accusedStaffIds: [ACCUSED, ACCUSED_2] })]);
    expect(settled).toBe(true);
    expect(facts).toEqual<ComplaintFact[]>([
      {
        kind: 'complaint',
        id: `${COMPLAINT_ID}:${ACCUSED}`,
        recordId: COMPLAINT_ID,
        day: '2026-03-05',
        staffId: ACCUSED,
        departmentId: 'dept-approval',
        measures: 0,
      },
      {
        kind: 'complaint',
        id: `${COMPLAINT_ID}:${ACCUSED_2}`,
        recordId: COMPLAINT_ID,
        day: '2026-03-05',
        staffId: ACCUSED_2,
        departmentId: 'dept-tech',
        measures: 0,
      },
    ]);
  });

  it('counts a department named alone once, with no person, and not again beside a person of its own', () => {
    const { facts } = factsOf([
      received('2026-03-05', { accusedStaffIds: [ACCUSED], accusedDepartmentIds: ['dept-approval', 'dept-office'] }),
    ]);
    expect(facts.map((f) => [f.id, f.staffId, f.departmentId])).toEqual([
      [`${COMPLAINT_ID}:${ACCUSED}`, ACCUSED, 'dept-approval'],
      [`${COMPLAINT_ID}:department:dept-office`, UNKNOWN_DEPARTMENT, 'dept-office'],
    ]);
  });

  it('is founded with the measures decided per person (art. 33), as the last correction leaves them', () => {
    const decided = [
      ...investigated(),
      founded('2026-03-20', [{ staffId: ACCUSED, measures: ['criticism', 'remedy'], gravity: 'ordinary' }]),
    ];
    expect(factsOf(decided).facts.map((f) => [f.staffId, f.founded, f.measures])).toEqual([
      [ACCUSED, true, 2],
      [ACCUSED_2, true, 0],
    ]);
    const corrected1 = [...decided, corrected('2026-03-25', ['criticism'], 'ordinary')];
    expect(factsOf(corrected1).facts.map((f) => f.measures)).toEqual([1, 0]);
  });

  it('is not founded once decided unfounded or dismissed (不予立案)', () => {
    expect(factsOf([...investigated(), unfounded('2026-03-20')]).facts.map((f) => [f.founded, f.measures])).toEqual([
      [false, 0],
      [false, 0],
    ]);
    expect(factsOf([received('2026-03-05'), dismissed('2026-03-06')]).facts[0]).toMatchObject({ founded: false });
  });

  it('gives the figures by hand: received, founded of decided, with measures of founded people', () => {
    const one = factsOf([
      ...investigated(),
      founded('2026-03-20', [{ staffId: ACCUSED, measures: ['criticism'], gravity: 'ordinary' }]),
    ]).facts;
    const two = other('X2', [
      received('2026-03-09', { accusedStaffIds: [], accusedDepartmentIds: ['dept-office'] }),
    ]).facts;
    const three = other('X3', [received('2026-03-30'), dismissed('2026-03-31')]).facts;
    const april = other('X4', [received('2026-04-01')]).facts;
    const bureau = figures([...one, ...two, ...three, ...april], MARCH, 'bureau')[0]!.figures;
    // Four facts in March (two people of one complaint, a department, one of a dismissed one); April's is not.
    expect(bureau['complaints.received']).toMatchObject({ numerator: 4, denominator: 4 });
    // Decided: the founded complaint's two people and the dismissed one (the department's is open).
    expect(bureau['complaints.founded']).toMatchObject({ numerator: 2, denominator: 3, rate: 2 / 3 });
    // Of the two founded people, one has measures.
    expect(bureau['complaints.withMeasures']).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
    const office = figures([...one, ...two, ...three], MARCH, 'department').find((g) => g.group === 'dept-office');
    expect(office?.figures['complaints.received'].factIds).toEqual(['X2:department:dept-office']);
  });
});
