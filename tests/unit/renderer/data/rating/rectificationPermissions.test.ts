import { describe, expect, it } from 'vitest';
import type { Role, Staff } from '../../../../../shared/model/reference.ts';
import { foldFollowUp } from '../../../../../shared/rules/followUp.ts';
import type { FollowUpOwner } from '../../../../../shared/rules/followUpTasks.ts';
import type { CaseRow, ContactRow } from '../../../../../renderer/data/db.ts';
import { followUpWorkDepartment } from '../../../../../renderer/data/rating/rectificationItems.ts';
import {
  followUpRectifierContext,
  mayWorkOnRectification,
} from '../../../../../renderer/data/rating/rectificationPermissions.ts';
import type { RectificationItem } from '../../../../../renderer/data/rating/rectificationItems.ts';
import { followUpEv, recorded } from '../../../shared/followUpBuilders.ts';

// The follow-up fold is told who may rectify by the same departments the desk's 差评整改 list uses: a step the desk
// would not offer a person is one the fold flags, and the other way round.

const person = (id: string, departmentId: string, roles: Role[] = ['clerk']) =>
  ({ id, name: id, departmentId, roles, active: true }) as unknown as Staff;
const STAFF = [
  person('liu-yang', 'dept-high-tech'),
  person('chen-jing', 'dept-high-tech', ['clerk', 'deptHead']),
  person('zhang-wei', 'dept-window'),
  person('wu-min', 'dept-policy', ['clerk', 'deptHead']),
  person('huang-xiuying', 'dept-party', ['supervisor']),
  person('he-jianguo', 'dept-party', ['leader']),
];
const staffOf = (id: string) => STAFF.find((s) => s.id === id);
const departmentOf = (id: string) => staffOf(id)?.departmentId;
const caseRow = { departmentId: 'dept-high-tech', handlerStaffId: 'liu-yang' } as unknown as CaseRow;
const contact = { responsibleStaffId: 'zhang-wei' } as unknown as ContactRow;

describe('followUpRectifierContext', () => {
  const cases: [string, FollowUpOwner, { caseRow?: CaseRow; contact?: ContactRow }][] = [
    ['a case, the supervisors owning the follow-up', { kind: 'supervisors' }, { caseRow }],
    ['a case, the window owning the follow-up', { kind: 'department', departmentId: 'dept-window' }, { caseRow }],
    ['a contact, the supervisors owning the follow-up', { kind: 'supervisors' }, { contact }],
  ];
  it.each(cases)('flags exactly those the desk would not let rectify: %s', (_what, owner, subject) => {
    const work = { ...subject, departmentOf };
    const item = {
      followUpOwner: owner,
      ...(followUpWorkDepartment(owner, work) ? { departmentId: followUpWorkDepartment(owner, work) } : {}),
    } as RectificationItem;
    const context = { excludedStaffIds: [], ...followUpRectifierContext(owner, work, staffOf) };
    for (const staff of STAFF) {
      const step = followUpEv('followUp.rectified', { mode: 'explained', note: '已解释' }, {
        on: '2025-06-06',
        staffId: staff.id,
      });
      const state = foldFollowUp([recorded('2025-06-05', 'dissatisfied'), step], context);
      const flagged = state?.flags.some((f) => f.code === 'notAllowed') ?? false;
      expect([staff.id, flagged]).toEqual([staff.id, !mayWorkOnRectification(staff, item)]);
    }
  });

  it('names the case’s department, the owner’s, or the contact’s responsible person’s', () => {
    expect(followUpWorkDepartment({ kind: 'supervisors' }, { caseRow, departmentOf })).toBe('dept-high-tech');
    expect(
      followUpWorkDepartment({ kind: 'department', departmentId: 'dept-window' }, { contact, departmentOf }),
    ).toBe('dept-window');
    expect(followUpWorkDepartment({ kind: 'supervisors' }, { contact, departmentOf })).toBe('dept-window');
    const ctx = followUpRectifierContext({ kind: 'supervisors' }, { caseRow, departmentOf }, staffOf);
    expect(ctx.rectifierDepartmentIds).toEqual(['dept-high-tech', undefined]);
  });
});
