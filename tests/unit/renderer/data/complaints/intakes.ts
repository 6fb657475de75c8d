import type { ComplaintReceivedInput } from '../../../../../renderer/data/complaints/outbox.ts';

/** Words no other record holds, so a search of every table for them finds the complaint and nothing else. */
export const ACCOUNT = '窗口工作人员推诿，让我跑了三趟仍未受理。';

/** A named complainant's hotline complaint about the window clerk, as the intake form submits it. */
export function intake(over: Partial<ComplaintReceivedInput> = {}): ComplaintReceivedInput {
  return {
    channel: 'hotline',
    receivedOn: '2026-12-01',
    complainant: { anonymous: false, name: '王芳', phone: '13937700123', organisation: '' },
    accusedStaffIds: ['zhang-wei'],
    accusedDepartmentIds: [],
    account: ACCOUNT,
    links: [],
    referenceNo: '',
    ...over,
  };
}
