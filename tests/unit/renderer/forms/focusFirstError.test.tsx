// @vitest-environment jsdom
import i18next, { type i18n } from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';
import { invalid } from '../../../../renderer/data/operations.ts';
import { focusFirstError } from '../../../../renderer/forms/focusFirstError.ts';
import { useDeskForm, type DeskForm } from '../../../../renderer/forms/useDeskForm.ts';

// After a refused save the caret goes to the field in error, not where Ctrl+Enter was pressed.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Values = { name: string; reason: string; toStaffId: string | null };
let i18n: i18n;
let root: Root | undefined;
let host: HTMLElement | undefined;

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
  host?.remove();
  root = undefined;
});

/** Two forms on one page, both with a `reason` (like the register behind a drawer); returns the first's latest render. */
function mount(check?: (v: Values) => Record<string, string | undefined>) {
  let first: DeskForm<Values> | undefined;
  function Fields({ desk, label }: { desk: DeskForm<Values>; label: string }) {
    const text = (name: 'name' | 'reason') => {
      // getInputProps gives data-path at run time; its declared type leaves it out.
      const props = desk.form.getInputProps(name) as { value: string; onChange: () => void; 'data-path': string };
      const { value, onChange, 'data-path': path } = props;
      return <input aria-label={`${label}-${name}`} data-path={path} value={value} onChange={onChange} />;
    };
    const { value, onChange, 'data-path': path } = desk.field('toStaffId');
    return (
      <div>
        {text('name')}
        <select
          aria-label={`${label}-toStaffId`}
          data-path={path}
          value={value ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        >
          <option value="">—</option>
          <option value="s-1">s-1</option>
        </select>
        {text('reason')}
      </div>
    );
  }
  function Harness() {
    const initialValues: Values = { name: '', reason: '', toStaffId: null };
    const other = useDeskForm<Values>({ initialValues });
    first = useDeskForm<Values>({ initialValues, check });
    return (
      <>
        <Fields desk={other} label="other" />
        <Fields desk={first} label="first" />
      </>
    );
  }
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<I18nextProvider i18n={i18n}>{<Harness />}</I18nextProvider>));
  const input = (name: string) => host!.querySelector<HTMLElement>(`[aria-label="${name}"]`)!;
  return { current: () => first!, input };
}

async function refuse(form: DeskForm<Values>, save: () => Promise<unknown>) {
  await act(async () => {
    await form.submit(save);
  });
}

describe('focus after a refused save', () => {
  it("puts the caret in this form's field in error, not the other form's field of the same name", async () => {
    const { current, input } = mount();
    input('first-name').focus();
    await refuse(current(), () => Promise.reject(invalid('reason', 'reasonRequired')));
    expect(document.activeElement).toBe(input('first-reason'));
    expect(document.activeElement).not.toBe(input('other-reason'));
  });

  it('takes the first field in page order when several are refused by the check, including a field() input', async () => {
    const { current, input } = mount((v) => ({
      reason: v.reason ? undefined : 'reasonRequired',
      toStaffId: v.toStaffId ? undefined : 'handlerRequired',
    }));
    input('first-reason').focus();
    await refuse(current(), () => Promise.resolve());
    // The select stands before the reason on the page, so it is the first to fix.
    expect(document.activeElement).toBe(input('first-toStaffId'));
    expect(current().errors.toStaffId).toBe('请选择承办人。');
  });

  it('leaves the caret where it was when the refusal concerns the form as a whole', async () => {
    const { current, input } = mount();
    input('first-name').focus();
    await refuse(current(), () => Promise.reject(new Error('disk full')));
    expect(current().formError).toContain('disk full');
    expect(document.activeElement).toBe(input('first-name'));
  });
});

describe('focusFirstError', () => {
  it('matches a message on a row of a list to the list field, and skips a field that cannot take focus', () => {
    document.body.innerHTML =
      '<div data-path="f-channel"></div><input data-path="f-materials"><input data-path="g-materials">';
    const focused = focusFirstError('f', { channel: '请选择渠道', 'materials.2.name': '请填写材料名称' });
    expect(focused).toBe(document.querySelector('[data-path="f-materials"]'));
    expect(focusFirstError('f', { other: undefined })).toBeUndefined();
    document.body.innerHTML = '';
  });
});
