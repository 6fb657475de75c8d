import { describe, expect, it } from 'vitest';
import { composeChecklist } from '../../../../shared/rules/slips/checklist.ts';
import { composeTransferNote } from '../../../../shared/rules/slips/transfer.ts';
import { slipContentSchema } from '../../../../shared/model/slip.ts';
import { TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';
import { contactEvent, contactOf, issue, SERIAL } from '../../../fixtures/slipSubjects.ts';

// What a slip's QR code opens (issue 13, issue 16 item 3): its rating page when the bureau rates by QR; else, for a
// slip about a catalog item, that item's public 办事指南 (art. 22: the commitment the slip was composed from); else
// the serial alone, for the desk's scanner.

const BASE = 'https://hq.nykj.example';
const catalog = { item: TECH_CONTRACT_ITEM, rev: 3 };

describe('the QR code of a slip', () => {
  it('opens the rating page when there is one, whatever else the desk knows', () => {
    const slip = composeChecklist(issue({ rating: { base: BASE }, guide: { base: BASE } }), catalog);
    expect(slip.qr).toEqual({ payload: `${BASE}/r/${SERIAL}`, caption: '扫码评价本次服务' });
  });

  it('opens the item’s public guide when there is no rating link, captioned 扫码查看办事指南', () => {
    const slip = composeChecklist(issue({ guide: { base: `${BASE}/` } }), catalog);
    expect(slip.qr).toEqual({
      payload: `${BASE}/public/items/tech-contract-registration`,
      caption: '扫码查看办事指南',
    });
    expect(slipContentSchema.safeParse(slip).success).toBe(true);
    expect(composeChecklist(issue({ guide: { base: BASE }, lang: 'en' }), catalog).qr.caption).toBe(
      'Scan for the service guide',
    );
  });

  it('keeps the serial on a slip without a catalog item, and without any public address', () => {
    const contact = contactOf(
      contactEvent('contact.referred', {
        agencyId: 'agency-tax',
        toldApplicant: { agencyName: '国家税务总局南阳市税务局', phone: '0377-63162003' },
        explanation: '研发费用加计扣除的申报由税务机关办理',
      } as never),
    );
    expect(composeTransferNote(issue({ guide: { base: BASE } }), contact, 'referral').qr).toEqual({
      payload: SERIAL,
      caption: '扫码核验单据编号',
    });
    expect(composeChecklist(issue(), catalog).qr.payload).toBe(SERIAL);
  });
});
