import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { enSatisfaction } from '../../../../../shared/i18n/en.satisfaction.ts';
import { zhCNSatisfaction } from '../../../../../shared/i18n/zh-CN.satisfaction.ts';
import { zhCNFollowUp } from '../../../../../shared/i18n/zh-CN.followUp.ts';
import { InvalidEventError } from '../../../../../renderer/data/append.ts';
import { satisfactionErrors } from '../../../../../renderer/features/satisfaction/satisfactionErrors.ts';

// Every refusal of the rectification and appeal operations is worded in both languages, under the field it concerns.

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

const DATA = join(__dirname, '../../../../../renderer/data/rating');
const codes = readdirSync(DATA)
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => [...readFileSync(join(DATA, f), 'utf8').matchAll(/invalid\('\w+', '(\w+)'\)/g)].map((m) => m[1]!));

describe('好差评 wording', () => {
  it('has the same keys in English as in Chinese', () => {
    expect(keysOf(enSatisfaction).sort()).toEqual(keysOf(zhCNSatisfaction).sort());
  });

  it('words every refusal the operations can throw', () => {
    expect(codes.length).toBeGreaterThan(15);
    for (const code of codes) {
      expect(zhCNSatisfaction.errors, code).toHaveProperty(code);
      expect(enSatisfaction.errors, code).toHaveProperty(code);
    }
  });

  it('puts a refusal under its field, in the desk’s words first and the schema’s next', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'zh-CN',
      resources: { 'zh-CN': { translation: { satisfaction: zhCNSatisfaction, followUp: zhCNFollowUp, errors: {} } } },
    });
    const error = new InvalidEventError([
      { code: 'custom', path: ['form'], message: 'ratedMayNotVerify', input: undefined },
      { code: 'custom', path: ['payload', 'note'], message: 'verificationNoteRequired', input: undefined },
    ]);
    expect(satisfactionErrors(error, i18n.t, (k) => i18n.exists(k))).toEqual({
      form: '被评价人不能对自己的差评进行核实回访。',
      note: '请写明核实回访的情况。',
    });
  });
});
