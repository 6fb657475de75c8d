import { describe, expect, it } from 'vitest';
import { slipContentSchema } from '../../../../shared/model/slip.ts';
import { composeChecklist } from '../../../../shared/rules/slips/checklist.ts';
import { LONG_ITEM, TECH_CONTRACT_ITEM } from '../../../fixtures/slipItems.ts';
import { issue, SERIAL, slipText } from '../../../fixtures/slipSubjects.ts';
import type { SlipContent } from '../../../../shared/model/slip.ts';

function fieldOf(slip: SlipContent, label: string): string | undefined {
  for (const block of slip.sections.flatMap((s) => s.blocks)) {
    const found = block.type === 'fields' ? block.fields.find((f) => f.label === label) : undefined;
    if (found) return found.value;
  }
  return undefined;
}

describe('art. 10 the one-time notification checklist (一次性告知单)', () => {
  const slip = composeChecklist(issue(), { item: TECH_CONTRACT_ITEM, rev: 3 });
  const text = slipText(slip);

  it('is a valid slip whose content survives the event schema unchanged', () => {
    expect(slipContentSchema.parse(slip)).toEqual(slip);
    expect(slip).toMatchObject({ kind: 'checklist', title: '一次性告知单', serial: SERIAL, issuedOn: '2026-11-23' });
  });

  it('names the item and the catalog version it was composed from', () => {
    expect(slip.catalog).toEqual({ itemId: 'tech-contract-registration', itemName: '技术合同认定登记', rev: 3 });
    expect(slip.intro).toContain('“技术合同认定登记”');
  });

  it('lists every material of the item with originals, copies, format and notes', () => {
    const materials = slip.sections.flatMap((s) => s.blocks).find((b) => b.type === 'materials');
    expect(materials?.type === 'materials' && materials.rows.map((r) => r.name)).toEqual(
      TECH_CONTRACT_ITEM.materials.map((m) => m.name),
    );
    expect(materials?.type === 'materials' && materials.rows[0]).toEqual({
      name: '技术合同文本',
      requirement: '必须提供',
      copies: '原件 1 份，复印件 1 份',
      format: '纸质 A4，双方签字并盖章',
      notes: ['原件核验后退还'],
    });
    expect(text).toContain('视情况提供：非法定代表人本人办理时');
    expect(text).toContain('样表：窗口领取');
  });

  it('gives the legal basis, every condition and every step of the procedure', () => {
    expect(text).toContain(TECH_CONTRACT_ITEM.legalBasis);
    for (const line of [...TECH_CONTRACT_ITEM.conditions, ...TECH_CONTRACT_ITEM.procedure.map((s) => s.name)])
      expect(text).toContain(line);
    expect(slip.sections.map((s) => s.heading)).toEqual([
      '一、设定依据',
      '二、申请条件',
      '三、申请材料',
      '四、办理程序',
      '五、收费、时限与地点',
    ]);
  });

  it('says 不收费 when the item is free (never blank), and the standard and its basis when it is charged', () => {
    expect(fieldOf(slip, '收费标准')).toBe('不收费');
    const chargedSlip = composeChecklist(issue(), { item: LONG_ITEM, rev: 1 });
    const charged = slipText(chargedSlip);
    expect(fieldOf(chargedSlip, '收费标准')).not.toBe('不收费');
    expect(charged).toContain('工本费每册 20 元');
    expect(charged).toContain('收费依据：《河南省行政事业性收费目录清单》');
  });

  it('gives the promised and the statutory limits in working days, and where to apply', () => {
    // The guide's words (issue 16 item 5): 自受理之日起N个工作日, as on the public page and the 明白纸.
    expect(fieldOf(slip, '承诺时限')).toBe('自受理之日起5个工作日');
    expect(fieldOf(slip, '法定时限')).toBe('自受理之日起20个工作日');
    expect(fieldOf(slip, '受理地点')).toBe('南阳市市民服务中心 3 楼 C 区 12 号窗口');
    // A version stating no hours prints no 办理时间 row.
    expect(fieldOf(slip, '办理时间')).toBeUndefined();
  });

  it('gives the street address and the office hours, holidays included, where the version states them', () => {
    const item = {
      ...TECH_CONTRACT_ITEM,
      address: '河南省南阳市卧龙区仲景北路1666号',
      hours: '工作日 上午 8:30–12:00，下午 14:30–17:30',
      openOnHolidays: false,
    };
    const full = composeChecklist(issue(), { item, rev: 5 });
    expect(fieldOf(full, '受理地点')).toBe(
      '南阳市市民服务中心 3 楼 C 区 12 号窗口（地址：河南省南阳市卧龙区仲景北路1666号）',
    );
    expect(fieldOf(full, '办理时间')).toBe('工作日 上午 8:30–12:00，下午 14:30–17:30；法定节假日不办理');
  });

  it('art. 16: gives each step its limit (环节时限), and none to a step without one', () => {
    const procedure = slip.sections[3]?.blocks[0];
    expect(procedure).toEqual({
      type: 'list',
      ordered: true,
      items: ['网上填报', '窗口提交', '审查认定（3 个工作日）', '发放登记证明（1 个工作日）'],
    });
  });

  it('art. 16: where no law sets a limit, says so and prints no invented statutory limit, nor the promise twice', () => {
    const { statutoryLimitDays: _none, ...rest } = TECH_CONTRACT_ITEM;
    const noLaw = composeChecklist(issue(), { item: rest, rev: 4 });
    expect(fieldOf(noLaw, '法定时限')).toBe('法律法规未规定');
    expect(fieldOf(noLaw, '承诺时限')).toBe('自受理之日起5个工作日');
    expect(slipText(noLaw).match(/5个工作日/g)).toHaveLength(1);
    expect(slipText(noLaw)).not.toContain('20个工作日');
  });

  it('行政许可法 §45: the periods that do not count — the law’s words for a licence, the bureau’s rule otherwise', () => {
    expect(text).toContain(
      '时限自受理之日的次日起按法定工作日计算；按本局规定，需要听证、检验、检测、专家评审的，所需时间不计入办理时限。',
    );
    const licence = slipText(
      composeChecklist(issue(), { item: { ...TECH_CONTRACT_ITEM, administrativeLicence: true }, rev: 3 }),
    );
    expect(licence).toContain(
      '时限自受理之日的次日起按法定工作日计算；依照《中华人民共和国行政许可法》第四十五条，依法需要听证、检验、检测、专家评审的，所需时间不计入办理时限。',
    );
    for (const t of [text, licence]) expect(t).not.toContain('现场核查');
  });

  it('shows the applicant with the phone masked (PIPL), and masks the name on the stub the desk keeps', () => {
    expect(slip.applicant).toEqual({
      name: '南阳光电科技有限公司（张小三）',
      phoneMasked: '138****8000',
      nameOnStub: '南阳光电科技有限公司（张*三）',
    });
    expect(text).not.toContain('13800138000');
    expect(slip.addressee).toBe('南阳光电科技有限公司（张小三）：');
  });

  it('has a stub for the applicant to sign, with the serial, that the desk keeps', () => {
    expect(slip.stub.fields).toContainEqual({ label: '编号', value: SERIAL });
    expect(slip.stub.acknowledgement).toContain('一次性告知单');
    expect(slip.stub.sign).toContain('申请人（签字）');
  });

  it("carries the staff name and phone and the item's consult and complaint phones", () => {
    expect(slip.staff).toEqual({ name: '张伟', phone: '0377-63176311' });
    expect(slip.consultPhone).toBe('0377-63176308');
    expect(slip.complaintPhone).toBe('0377-63176300');
  });

  it("puts the serial in the QR code, inside HQ's rating link (without its token) when the bureau publishes one", () => {
    expect(slip.qr.payload).toBe(SERIAL);
    expect(slip.qr.caption).toBe('扫码核验单据编号');
    const online = composeChecklist(issue({ rating: { base: 'https://hq.example/' } }), {
      item: TECH_CONTRACT_ITEM,
      rev: 3,
    });
    // Issue 13: the synced content holds no token; the printing desk adds its own on paper.
    expect(online.qr).toEqual({ payload: `https://hq.example/r/${SERIAL}`, caption: '扫码评价本次服务' });
  });

  it('keeps every line of the longest item, and stays within the event schema', () => {
    const long = composeChecklist(issue(), { item: LONG_ITEM, rev: 1 });
    expect(slipContentSchema.safeParse(long).success).toBe(true);
    const longText = slipText(long);
    for (const m of LONG_ITEM.materials) expect(longText).toContain(m.name);
    for (const c of LONG_ITEM.conditions) expect(longText).toContain(c);
  });

  it('can be composed in English for an English desk', () => {
    const en = composeChecklist(issue({ lang: 'en' }), { item: TECH_CONTRACT_ITEM, rev: 3 });
    expect(en.title).toBe('One-time notification checklist');
    expect(en.sections[0]?.heading).toBe('1. Legal basis');
    expect(slipText(en)).toContain('Free of charge');
  });
});
