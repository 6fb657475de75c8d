// @vitest-environment jsdom
import i18next, { type i18n } from 'i18next';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';
import { DeskContext, type Desk } from '../../../../renderer/app/context.tsx';
import { invalid } from '../../../../renderer/data/operations.ts';
import { useDeskForm, type DeskForm, type DeskFormOptions } from '../../../../renderer/forms/useDeskForm.ts';

// The desk's one form pattern, driven as a screen drives it: values typed into the store, a save refused or done.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Values = { channel: string; name: string; toStaffId: string | null };
const TYPED: Values = { channel: 'phone', name: '张三', toStaffId: 's-1' };

let i18n: i18n;
let root: Root | undefined;

beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

/** Mount a form with the given options; returns a getter for its latest render and the desk's sync spy. */
function mount(options: Partial<DeskFormOptions<Values>> = {}) {
  const syncNow = vi.fn(async () => undefined);
  let latest: DeskForm<Values> | undefined;
  function Harness() {
    latest = useDeskForm<Values>({ initialValues: { channel: 'visit', name: '', toStaffId: null }, ...options });
    return null;
  }
  const wrap = (children: ReactNode) => (
    <I18nextProvider i18n={i18n}>
      <DeskContext.Provider value={{ sync: { syncNow } } as unknown as Desk}>{children}</DeskContext.Provider>
    </I18nextProvider>
  );
  root = createRoot(document.createElement('div'));
  act(() => root!.render(wrap(<Harness />)));
  const current = () => latest!;
  act(() => current().form.setValues(TYPED));
  return { current, syncNow };
}

async function submit(form: () => DeskForm<Values>, ...args: Parameters<DeskForm<Values>['submit']>) {
  let saved = false;
  await act(async () => {
    saved = await form().submit(...args);
  });
  return saved;
}

describe('useDeskForm', () => {
  it('keeps everything typed when the data layer refuses, with the message under the field it concerns', async () => {
    const { current, syncNow } = mount({ decision: true });
    const saved = await submit(current, () => Promise.reject(invalid('toStaffId', 'handlerRequired')));
    expect(saved).toBe(false);
    expect(current().form.getValues()).toEqual(TYPED);
    expect(current().errors.toStaffId).toBe('请选择承办人。');
    expect(current().field('toStaffId').error).toBe('请选择承办人。');
    // A refused decision changed nothing: there is nothing to sync.
    expect(syncNow).not.toHaveBeenCalled();
  });

  it('says on the form as a whole why a save failed that no field explains', async () => {
    const { current } = mount();
    await submit(current, () => Promise.reject(new Error('disk full')));
    expect(current().formError).toContain('disk full');
    expect(current().form.getValues()).toEqual(TYPED);
  });

  it('clears a field’s message, and the form’s, once the clerk edits it', async () => {
    const { current } = mount({ wording: () => ({ toStaffId: '选承办人', form: '未保存' }) });
    await submit(current, () => Promise.reject(new Error('x')));
    act(() => current().field('toStaffId').onChange('s-2'));
    expect(current().errors.toStaffId).toBeUndefined();
    expect(current().formError).toBeUndefined();
    expect(current().form.getValues().toStaffId).toBe('s-2');
  });

  it('words a check like a refusal of the same code, and writes nothing when it fails', async () => {
    const wording = vi.fn(() => ({ toStaffId: '本功能自己的措辞' }));
    const { current } = mount({ wording, check: (v) => ({ toStaffId: v.name ? 'handlerRequired' : undefined }) });
    const save = vi.fn(async () => undefined);
    expect(await submit(current, save)).toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(current().errors.toStaffId).toBe('本功能自己的措辞');
    const refusal = (wording.mock.calls[0] as unknown[])[0] as { issues: { path: string[]; message: string }[] };
    expect(refusal.issues).toEqual([expect.objectContaining({ path: ['toStaffId'], message: 'handlerRequired' })]);
  });

  it('after a save, resets what was typed but carries the fields named in keep (the channel for the next visitor)', async () => {
    const { current, syncNow } = mount({ decision: true });
    const save = vi.fn(async () => undefined);
    expect(await submit(current, save, { keep: ['channel'] })).toBe(true);
    expect(save).toHaveBeenCalledWith(TYPED);
    expect(current().form.getValues()).toEqual({ channel: 'phone', name: '', toStaffId: null });
    // A privileged decision syncs at once, while the staff session is surely live.
    expect(syncNow).toHaveBeenCalledWith('write');
  });

  it('keeps every value after a save when keep is true', async () => {
    const { current } = mount();
    await submit(current, async () => undefined, { keep: true });
    expect(current().form.getValues()).toEqual(TYPED);
  });
});
