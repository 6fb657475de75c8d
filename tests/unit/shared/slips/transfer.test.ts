import { describe, expect, it } from 'vitest';
import { slipContentSchema } from '../../../../shared/model/slip.ts';
import { composeTransferNote, transferNoteVariant } from '../../../../shared/rules/slips/transfer.ts';
import { contactEvent, contactOf, issue, slipText } from '../../../fixtures/slipSubjects.ts';

const transferred = contactEvent('contact.transferred', {
  toDepartmentId: 'dept-high-tech',
  toStaffId: 'li-na',
  toldApplicant: { departmentName: '高新技术发展及产业化科', handlerName: '李娜', phone: '0377-63176320' },
} as never);
const referred = contactEvent('contact.referred', {
  agencyId: 'agency-tax',
  toldApplicant: { agencyName: '国家税务总局南阳市税务局', phone: '0377-63162003', address: '南阳市七一路 789 号' },
  explanation: '研发费用加计扣除的申报由税务机关办理',
} as never);

describe('art. 8(3)–(4) the transfer and referral notes (转办/告知单)', () => {
  it('tells the applicant the department, the handler, the phone and the address of a transfer', () => {
    const contact = contactOf(transferred);
    expect(transferNoteVariant(contact)).toBe('transfer');
    const slip = composeTransferNote(issue(), contact, 'transfer', '南阳市科技大厦 5 楼 503 室');
    const text = slipText(slip);
    for (const value of [
      '高新技术发展及产业化科',
      '李娜',
      '0377-63176320',
      '南阳市科技大厦 5 楼 503 室',
      '咨询科技型中小企业评价',
    ]) {
      expect(text).toContain(value);
    }
    expect(slip).toMatchObject({ kind: 'transferNote', title: '转办告知单' });
    expect(slip.catalog).toBeUndefined();
    expect(slip.consultPhone).toBe('0377-63176311');
    expect(slipContentSchema.parse(slip)).toEqual(slip);
  });

  it('tells the applicant the competent agency, its phone and address, and why, for a referral', () => {
    const contact = contactOf(referred);
    expect(transferNoteVariant(contact)).toBe('referral');
    const slip = composeTransferNote(issue(), contact, 'referral');
    const text = slipText(slip);
    for (const value of [
      '国家税务总局南阳市税务局',
      '0377-63162003',
      '南阳市七一路 789 号',
      '研发费用加计扣除的申报由税务机关办理',
    ]) {
      expect(text).toContain(value);
    }
    expect(slip.title).toBe('告知单');
    expect(slip.stub.fields).toContainEqual({ label: '有权处理的机关', value: '国家税务总局南阳市税务局' });
  });

  it('has no note for a contact neither transferred nor referred', () => {
    const contact = contactOf();
    expect(transferNoteVariant(contact)).toBeNull();
    expect(() => composeTransferNote(issue(), contact, 'transfer')).toThrow(/not transferred/);
  });

  it('masks the phone of the applicant and the name on the stub', () => {
    const slip = composeTransferNote(
      issue({ applicant: { name: '王五', phone: '13937700001' } }),
      contactOf(transferred),
      'transfer',
    );
    expect(slip.applicant).toEqual({ name: '王五', phoneMasked: '139****0001', nameOnStub: '王*' });
    expect(slip.addressee).toBe('王五：');
  });
});
