import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskContext } from '../app/context.tsx';
import { InvalidEventError } from '../data/append.ts';
import { fieldErrors } from '../features/contact/fieldErrors.ts';
import { focusFirstError } from './focusFirstError.ts';

// The one form pattern of the desk (STYLE: one pattern per concern). Values live in one @mantine/form store, not a
// useState per field; the data operation behind the form validates with the shared zod schemas (appendEvents) and
// a refusal comes back as messages per field, in the form's own error map, so every field shows its own message
// with `form.getInputProps(name)`. A refused save changes nothing, keeps what the clerk typed, and says why.

/** Turns a refused operation into translated messages per field (`form` for the form as a whole). */
export type ErrorWording = typeof fieldErrors;

export interface DeskFormOptions<V extends Record<string, unknown>> {
  readonly initialValues: V;
  /** How a refusal is worded: the shared `errors.*` keys by default, a feature's own keys first where it has some. */
  readonly wording?: ErrorWording;
  /**
   * A check before anything is written: field → code, worded exactly like the data layer's refusal with that code
   * (so `wording` decides: errors.<code> by default, a feature's own keys first where it has some).
   */
  readonly check?: (values: V) => Record<string, string | undefined>;
  /**
   * A privileged decision (a leader's, an admin's): once recorded, the desk syncs at once instead of after the usual
   * pause, so the decision reaches the server while its staff session is surely live.
   */
  readonly decision?: boolean;
}

export interface DeskForm<V extends Record<string, unknown>> {
  readonly form: UseFormReturnType<V>;
  /** A save is running: the submit button shows it and a second Enter does nothing. */
  readonly busy: boolean;
  /** Every message by field name (the wording's keys, e.g. `materials.2.name`), for inputs that take a map. */
  readonly errors: Readonly<Record<string, string | undefined>>;
  /** The message for the form as a whole (no single field to put it under), or undefined. */
  readonly formError: string | undefined;
  /**
   * Run `save` with the current values. On success: notify `success`, and reset the form unless `keep` is set
   * (`true`: keep every value; a list of fields: reset the others, e.g. a channel the clerk chose for the next
   * visitor too). On a refusal: the messages go next to their fields and the values stay. Resolves true when saved.
   */
  submit(save: (values: V) => Promise<unknown>, opts?: SubmitOptions<V>): Promise<boolean>;
  /**
   * Typed value, onChange(value) and error of one field, for the desk's own inputs and Mantine inputs whose
   * onChange gives a value rather than an event (MaterialsInput, Radio.Group, Checkbox.Group, Select…).
   */
  field<K extends keyof V & string>(name: K): BoundField<V[K]>;
}

export interface BoundField<T> {
  /** Where focusFirstError finds this field after a refusal (the same attribute getInputProps gives). */
  readonly 'data-path': string;
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly error: string | undefined;
}

export interface SubmitOptions<V> {
  readonly success?: string;
  readonly keep?: boolean | readonly (keyof V & string)[];
}

export function useDeskForm<V extends Record<string, unknown>>(options: DeskFormOptions<V>): DeskForm<V> {
  const { t, i18n } = useTranslation();
  // Optional: the rating tablet (#/tablet) has forms but no desk, and never makes a decision.
  const sync = useContext(DeskContext)?.sync;
  const exists = (key: string) => i18n.exists(key);
  const wording = options.wording ?? fieldErrors;
  // Scopes each field's data-path to this form: two open forms may both have a `reason` or a `name`. A form name may
  // hold letters, digits and dashes only, so React's `_r_1_` becomes `desk-form--r-1-`.
  const name = `desk-form-${useId().replace(/[^0-9a-zA-Z]/g, '-')}`;
  const form = useForm<V>({
    name,
    mode: 'controlled',
    initialValues: options.initialValues,
    // Editing a field clears its message and the form-wide one (the clerk is acting on it).
    clearInputErrorOnChange: true,
    onValuesChange: () => {
      if (form.errors.form) form.clearFieldError('form');
    },
  });
  const [busy, setBusy] = useState(false);

  function refuse(messages: Record<string, string | undefined>) {
    form.setErrors(messages);
    focusFirstError(name, messages);
  }

  async function submit(save: (values: V) => Promise<unknown>, opts: SubmitOptions<V> = {}) {
    if (busy) return false;
    const checked = Object.entries(options.check?.(form.getValues()) ?? {});
    const issues = checked.flatMap(([field, code]) =>
      code ? [{ code: 'custom' as const, path: [field], message: code, input: undefined }] : [],
    );
    if (issues.length > 0) {
      refuse(wording(new InvalidEventError(issues), t, exists));
      return false;
    }
    setBusy(true);
    try {
      const values = form.getValues();
      await save(values);
      form.clearErrors();
      if (options.decision) void sync?.syncNow('write');
      if (opts.success) notifications.show({ color: 'teal', message: opts.success });
      if (opts.keep !== true) {
        form.reset();
        for (const field of opts.keep || []) form.setFieldValue(field, values[field] as never);
      }
      return true;
    } catch (error) {
      refuse(wording(error, t, exists));
      return false;
    } finally {
      setBusy(false);
    }
  }

  // Only the wording and the check set errors, and both give strings.
  const errors = form.errors as Record<string, string | undefined>;
  const formError = errors.form;
  const field = <K extends keyof V & string>(path: K): BoundField<V[K]> => {
    return {
      'data-path': `${name}-${path}`,
      value: form.getValues()[path],
      onChange: (value) => form.setFieldValue(path, value as never),
      error: errors[path],
    };
  };
  return { form, busy, errors, formError, submit, field };
}
