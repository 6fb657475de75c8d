import { describe, expect, it } from 'vitest';
import { serviceItemSchema, stepLimitsTotal, type ServiceItem } from '../../../../shared/model/catalog.ts';
import type { Department, Settings } from '../../../../shared/model/reference.ts';
import { guideGaps } from '../../../../shared/rules/catalogPublication.ts';
import { composeGuide, GUIDE_SECTION_KEYS } from '../../../../shared/rules/guide/compose.ts';
import { buildDemoBureau } from '../../../../server/src/seed/demoBureau.ts';
import { buildDemoCatalog, DEMO_ITEMS } from '../../../../server/src/seed/demoCatalog.ts';
import { DEMO_FORM_FILES } from '../../../../server/src/seed/demoForms.ts';

describe('the demo service catalog', () => {
  const now = Date.parse('2026-11-28T08:00:00Z');
  const docs = buildDemoCatalog(now);
  const items = docs.map((d) => d.body as ServiceItem);
  const settings = buildDemoBureau(now).find((d) => d.kind === 'settings')!.body as Settings;
  const departments = new Map(
    buildDemoBureau(now).flatMap((d) => (d.kind === 'department' ? [[d.id as string, d.body as Department]] : [])),
  );

  it('has at least eight items, each a valid serviceItem doc at version 1', () => {
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const doc of docs) {
      expect(doc.kind).toBe('serviceItem');
      expect(doc.rev).toBe(1);
      expect(serviceItemSchema.safeParse(doc.body).success, doc.id).toBe(true);
    }
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    expect(docs.map((d) => d.id)).toEqual(expect.arrayContaining(Object.values(DEMO_ITEMS)));
  });

  it('art. 15: never promises longer than the law allows, where a law sets a limit', () => {
    for (const item of items) {
      if (item.statutoryLimitDays !== undefined) {
        expect(item.promisedLimitDays, item.id).toBeLessThanOrEqual(item.statutoryLimitDays);
      }
    }
  });

  it('art. 16: invents no statutory limit — some items have none, and the promise stands alone', () => {
    const without = items.filter((item) => item.statutoryLimitDays === undefined).map((item) => item.id);
    expect(without).toEqual(expect.arrayContaining(['achievement-registration', 'city-project-application']));
    expect(items.filter((item) => item.statutoryLimitDays !== undefined).length).toBeGreaterThan(0);
  });

  it('行政许可法 §32/§45: only the foreign work permit is marked an administrative licence; recognitions, registrations and the rest are not', () => {
    const licences = items.filter((item) => item.administrativeLicence === true).map((item) => item.id);
    expect(licences).toEqual(['foreign-work-permit']);
  });

  it('art. 16: every item limits the bureau’s own steps (环节时限), together within the promised limit', () => {
    for (const item of items) {
      const limited = item.procedure.filter((step) => step.limitDays !== undefined);
      expect(limited.length, item.id).toBeGreaterThan(0);
      expect(stepLimitsTotal(item.procedure), item.id).toBeLessThanOrEqual(item.promisedLimitDays);
    }
  });

  it('names a demo department for every item, with that department’s phone to consult', () => {
    for (const item of items) {
      const department = departments.get(item.departmentId);
      expect(department, item.id).toBeDefined();
      expect(item.consultPhone).toBe(department!.phone);
    }
  });

  it('publishes the complaint hotline and says that the items are free (chapter 5)', () => {
    for (const item of items) {
      expect(item.complaintPhone).toBe('0377-63176300');
      expect(item.fee).toEqual({ kind: 'free' });
      expect(item.active).toBe(true);
    }
  });

  it('tells the applicant when a conditional material is needed (一次性告知)', () => {
    for (const item of items) {
      expect(
        item.materials.some((m) => m.requirement === 'required'),
        item.id,
      ).toBe(true);
      for (const m of item.materials.filter((x) => x.requirement === 'conditional')) {
        expect(m.condition, `${item.id}/${m.id}`).toBeTruthy();
      }
    }
  });

  it('issue 16 item 1: every item states every 办事指南 element, so it could be published as it stands', () => {
    for (const item of items) {
      expect(guideGaps(item), item.id).toEqual([]);
      expect(item.code, item.id).toMatch(/^11411300MB1533462P\d{13}$/);
      expect(item.faq?.length, item.id).toBeGreaterThanOrEqual(2);
      expect(item.result?.name, item.id).toBeTruthy();
      const guide = composeGuide({ item, rev: 1, publishedAt: docs[0]!.updatedAt }, settings);
      expect(
        guide.sections.map((s) => s.key),
        item.id,
      ).toEqual([...GUIDE_SECTION_KEYS]);
    }
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
  });

  it('issue 16: an item done wholly online takes no visit, one with paper to hand in takes at most one (最多跑一次)', () => {
    for (const item of items) {
      const online = !item.procedure.some((step) => step.name.includes('窗口'));
      expect(item.visits, item.id).toBe(online ? 0 : 1);
    }
  });

  it('attaches only forms whose file the first run stores (空白表格), each for one of the item’s materials', () => {
    const forms = items.flatMap((item) => (item.forms ?? []).map((form) => ({ item, form })));
    expect(forms.length).toBeGreaterThan(0);
    const stored = new Set(DEMO_FORM_FILES.map((f) => f.file.sha256));
    for (const { item, form } of forms) {
      expect(stored.has(form.file.sha256), form.name).toBe(true);
      expect(item.materials.map((m) => m.id)).toContain(form.materialId);
    }
  });

  it('art. 20: the demo settings state the bureau’s duties for its public commitments page', () => {
    expect(settings.publicDuties?.split('\n').length).toBeGreaterThanOrEqual(4);
    expect(settings.publicDuties).toContain('技术合同认定登记');
  });
});
