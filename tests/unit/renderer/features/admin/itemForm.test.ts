import { describe, expect, it } from 'vitest';
import { serviceItemSchema } from '../../../../../shared/model/catalog.ts';
import { fromForm, stepForm, toForm } from '../../../../../renderer/features/admin/catalog/itemForm.ts';
import { TECH_CONTRACT_ITEM } from '../../../../fixtures/slipItems.ts';

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
});
