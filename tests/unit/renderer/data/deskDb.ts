import type { ReferenceDoc } from '../../../../shared/model/reference.ts';
import { openDeskDb, type DeskDb } from '../../../../renderer/data/db.ts';
import { mergeReferenceDocs } from '../../../../renderer/data/references.ts';

/** A fresh desk database in fake-indexeddb (a new name per test keeps tests apart). */
export function freshDeskDb(): DeskDb {
  return openDeskDb(`desk-test-${Math.random().toString(36).slice(2)}`);
}

const doc = <K extends ReferenceDoc['kind']>(kind: K, id: string, body: Extract<ReferenceDoc, { kind: K }>['body']) =>
  ({ kind, id, rev: 1, hlc: `000000000000001-00000-hq-${id}`, updatedAt: '2026-11-28T00:00:00.000Z', body }) as ReferenceDoc;

/** A small directory: a window clerk, a section chief and a handler with and without a phone. */
export const DIRECTORY: ReferenceDoc[] = [
  doc('department', 'dept-window', { id: 'dept-window', name: '政务服务窗口', phone: '0377-63176301', address: '南阳市行政服务中心三楼', order: 1 } as never),
  doc('department', 'dept-hightech', { id: 'dept-hightech', name: '高新技术发展及产业化科', phone: '0377-63176320', address: '南阳市科技局五楼', order: 2 } as never),
  doc('staff', 'zhang-wei', { id: 'zhang-wei', name: '张伟', departmentId: 'dept-window', rank: 'clerk', title: '科员', phone: '0377-63176301', roles: ['clerk'], active: true } as never),
  doc('staff', 'zhao-gang', { id: 'zhao-gang', name: '赵刚', departmentId: 'dept-hightech', rank: 'sectionChief', title: '科长', phone: '0377-63176321', roles: ['handler', 'deptHead'], active: true } as never),
  doc('staff', 'li-na', { id: 'li-na', name: '李娜', departmentId: 'dept-hightech', rank: 'principalStaff', title: '四级主任科员', phone: '13937700001', roles: ['handler'], active: true } as never),
  doc('staff', 'sun-li', { id: 'sun-li', name: '孙丽', departmentId: 'dept-hightech', rank: 'clerk', title: '科员', roles: ['handler'], active: true } as never),
];

/** A catalog item with one required and one conditional material, promised 5 of 10 statutory working days. */
export const TECH_CONTRACT = {
  id: 'tech-contract',
  name: '技术合同认定登记',
  category: 'techContract',
  legalBasis: '《技术合同认定登记管理办法》',
  conditions: ['在本市注册的法人或其他组织签订的技术合同'],
  procedure: ['提交材料', '窗口审查', '认定登记', '发放登记证明'],
  materials: [
    { id: 'contract-text', name: '技术合同文本', originals: 1, copies: 1, format: '纸质 A4，加盖合同双方公章', requirement: 'required' },
    { id: 'authorisation', name: '授权委托书', originals: 1, copies: 0, format: '纸质原件', requirement: 'conditional', condition: '委托他人办理时' },
  ],
  statutoryLimitDays: 10,
  promisedLimitDays: 5,
  fee: { kind: 'free' },
  departmentId: 'dept-hightech',
  submitAt: '市行政服务中心三楼科技局窗口',
  consultPhone: '0377-63176320',
  complaintPhone: '0377-63176300',
  active: true,
};
DIRECTORY.push(doc('serviceItem', 'tech-contract', TECH_CONTRACT as never));
DIRECTORY.push(
  doc('staff', 'he-jianguo', { id: 'he-jianguo', name: '何建国', departmentId: 'dept-window', rank: 'deputyDirector', title: '副局长', phone: '0377-63176388', roles: ['leader'], active: true } as never),
);

export async function withDirectory(db: DeskDb): Promise<DeskDb> {
  await db.transaction('rw', db.refs, () => mergeReferenceDocs(db, DIRECTORY));
  return db;
}
