import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enComplaint } from '../../shared/i18n/en.complaint.ts';
import { zhCNComplaint } from '../../shared/i18n/zh-CN.complaint.ts';
import { complaintPayloadSchemas } from '../../shared/model/complaintEvents.ts';
import { COMPLAINT_ERROR_CODES, COMPLAINT_STATUSES } from '../../shared/sync/complaintApi.ts';

// Every word the complaint screens show exists in zh-CN and en: a missing key would show the bare key to a clerk.

const lookup = (tree: object, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tree);

const DIR = 'renderer/features/complaints';
const sources = readdirSync(DIR).map((f) => readFileSync(join(DIR, f), 'utf8'));

describe('the complaint screens’ words', () => {
  it('has every literal complaint.* key the screens use, in both languages', () => {
    const found = sources.flatMap((s) => [...s.matchAll(/'complaint\.([A-Za-z.]+)'/g)].map((m) => m[1]!));
    // 'complaint.decided' and the like are the acts' types on the wire, not words.
    const keys = new Set(found.filter((k) => !(`complaint.${k}` in complaintPayloadSchemas)));
    expect(keys.size).toBeGreaterThan(50);
    for (const key of keys) {
      expect(typeof lookup(zhCNComplaint, key), `zh-CN ${key}`).toBe('string');
      expect(typeof lookup(enComplaint, key), `en ${key}`).toBe('string');
    }
  });

  it('words every status filter, stage state and HQ refusal', () => {
    const keys = [
      ...['open', 'all', ...COMPLAINT_STATUSES].map((f) => `screen.filters.${f}`),
      ...['running', 'dueToday', 'overdue', 'doneInTime', 'doneLate'].flatMap((s) => [
        `screen.dueState.${s}`,
        `screen.clockState.${s}`,
      ]),
      ...['detail', 'statement', 'accountability'].map((w) => `screen.readWhat.${w}`),
      ...[...COMPLAINT_ERROR_CODES, 'offline', 'unauthenticated', 'unrecognised', 'other'].map((c) => `failure.${c}`),
    ];
    for (const key of keys) {
      expect(typeof lookup(zhCNComplaint, key), `zh-CN ${key}`).toBe('string');
      expect(typeof lookup(enComplaint, key), `en ${key}`).toBe('string');
    }
  });
});
