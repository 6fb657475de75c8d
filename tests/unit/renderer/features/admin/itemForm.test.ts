import { describe, expect, it } from 'vitest';
import { serviceItemSchema } from '../../../../../shared/model/catalog.ts';
import {
  faqForm,
  fromForm,
  guideFormForm,
  specialStepForm,
  stepForm,
  toForm,
} from '../../../../../renderer/features/admin/catalog/itemForm.ts';
import { fieldOf } from '../../../../../renderer/features/admin/adminErrors.ts';
import { withGuide } from '../../../../fixtures/adminEvents.ts';
import { TECH_CONTRACT_ITEM as OLD_ITEM } from '../../../../fixtures/slipItems.ts';

// An item as published since issue 16: every 办事指南 element stated, one special step and one attached form.
const TECH_CONTRACT_ITEM = withGuide(OLD_ITEM, {
  specialSteps: [{ name: '专家评审', limitDays: 5, countsInLimit: false }],
  forms: [
    {
      kind: 'blank',
      name: '技术合同认定登记申请表',
      materialId: OLD_ITEM.materials[0]!.id,
      file: { sha256: 'a'.repeat(64), mediaType: 'application/pdf', bytes: 2048, fileName: '申请表.pdf' },
    },
  ],
  faq: [{ question: '买方可以来登记吗？', answer: '技术合同由卖方申请认定登记。' }],
});

describe('the catalog editor’s form (art. 16)', () => {
  it('gives every step its own row with its limit, and saves the item as it was', () => {
    const form = toForm(TECH_CONTRACT_ITEM, '0377-63176300');
    expect(form.procedure.map(({ name, limitDays }) => [name, limitDays])).toEqual([
      ['网上填报', ''],
      ['窗口提交', ''],
      ['审查认定', 3],
      ['发放登记证明', 1],
    ]);
    expect(new Set(form.procedure.map((s) => s.key)).size).toBe(4);
    expect(serviceItemSchema.parse(fromForm(form))).toEqual(TECH_CONTRACT_ITEM);
  });

  it('leaves the statutory limit empty for a new item, and saves none when it stays empty', () => {
    const form = toForm(undefined, '0377-63176300');
    expect(form.statutoryLimitDays).toBe('');
    expect(fromForm(form).statutoryLimitDays).toBeUndefined();
    const { statutoryLimitDays: _none, ...noLaw } = TECH_CONTRACT_ITEM;
    expect(toForm(noLaw, '').statutoryLimitDays).toBe('');
  });

  it('行政许可法 §32/§45: a new item is not a licence; the flag round-trips, and an unticked one is saved as absent', () => {
    expect(toForm(undefined, '').administrativeLicence).toBe(false);
    expect(fromForm(toForm(TECH_CONTRACT_ITEM, '')).administrativeLicence).toBeUndefined();
    const licence = { ...TECH_CONTRACT_ITEM, administrativeLicence: true };
    const form = toForm(licence, '');
    expect(form.administrativeLicence).toBe(true);
    expect(serviceItemSchema.parse(fromForm(form))).toEqual(licence);
    expect(fromForm({ ...form, administrativeLicence: false }).administrativeLicence).toBeUndefined();
  });

  it('drops a wholly blank step row, but keeps one with a limit and no name for the schema to refuse', () => {
    const form = toForm(TECH_CONTRACT_ITEM, '');
    const withBlank = { ...form, procedure: [...form.procedure, stepForm(), { ...stepForm(), limitDays: 2 }] };
    const steps = fromForm(withBlank).procedure;
    expect(steps).toHaveLength(5);
    expect(steps[4]).toEqual({ name: '', limitDays: 2 });
    expect(serviceItemSchema.safeParse(fromForm(withBlank)).success).toBe(false);
  });

  it('公开承诺 (art. 20–23): the guide elements round-trip, and HQ’s publication stamp never goes into a draft', () => {
    const stamped = serviceItemSchema.parse({
      ...TECH_CONTRACT_ITEM,
      publication: {
        publishedAt: '2026-12-01T02:00:00.000Z',
        draftEventId: '01JC000000000000000000D001',
        draftedBy: 'ma-jun',
        approvedBy: 'huang-xiuying',
      },
    });
    const form = toForm(stamped, '');
    expect(form).not.toHaveProperty('publication');
    expect(form.specialSteps.map(({ name, limitDays, countsInLimit }) => [name, limitDays, countsInLimit])).toEqual([
      ['专家评审', 5, false],
    ]);
    expect(form.forms[0]).toMatchObject({ kind: 'blank', materialId: OLD_ITEM.materials[0]!.id });
    const saved = fromForm(form);
    expect(saved).not.toHaveProperty('publication');
    expect(serviceItemSchema.parse(saved)).toEqual(TECH_CONTRACT_ITEM);
  });

  it('an item saved before issue 16 opens with blank guide fields; saving states its lists as 无 and leaves the rest blank', () => {
    const form = toForm(OLD_ITEM, '');
    expect(form).toMatchObject({ code: '', applicants: [], address: '', hours: '', visits: '', resultName: '' });
    const saved = serviceItemSchema.parse(fromForm(form));
    expect(saved).toMatchObject({ specialSteps: [], faq: [], forms: [], openOnHolidays: false });
    for (const blank of ['code', 'applicants', 'address', 'hours', 'result', 'visits'] as const) {
      expect(saved[blank]).toBeUndefined();
    }
  });

  it('drops wholly blank special-step and FAQ rows, and refuses a form row without its uploaded file', () => {
    const form = toForm(TECH_CONTRACT_ITEM, '');
    const withBlanks = {
      ...form,
      specialSteps: [...form.specialSteps, specialStepForm()],
      faq: [faqForm(), ...form.faq],
      forms: [...form.forms, { ...guideFormForm(), name: '示例样表' }],
    };
    const saved = fromForm(withBlanks);
    expect(saved.specialSteps).toHaveLength(1);
    expect(saved.faq).toHaveLength(1);
    const refused = serviceItemSchema.safeParse(saved);
    expect(refused.success).toBe(false);
    // The message lands on the row's file, beside its upload button.
    expect(refused.error?.issues.map((i) => fieldOf(i.path))).toEqual(['forms.1.file']);
  });

  it('a result without its delivery is refused at 送达方式', () => {
    const form = { ...toForm(TECH_CONTRACT_ITEM, ''), resultDelivery: [] };
    const refused = serviceItemSchema.safeParse(fromForm(form));
    expect(refused.error?.issues.map((i) => fieldOf(i.path))).toEqual(['resultDelivery']);
  });
});
