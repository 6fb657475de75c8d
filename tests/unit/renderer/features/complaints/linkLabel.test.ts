import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { zhCNComplaint } from '../../../../../shared/i18n/zh-CN.complaint.ts';
import type { ComplaintLink } from '../../../../../shared/model/complaintEvents.ts';
import { linkLabel } from '../../../../../renderer/features/complaints/linkLabel.ts';

// The zh-CN words under complaint.*, or the key itself.
const t = ((key: string) =>
  (key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], { complaint: zhCNComplaint }) as
    string | undefined) ?? key) as unknown as TFunction;

const contact = { kind: 'contact', id: '01KB7Z3Q9XJ4M2N8P6R5S3T1VW' } as ComplaintLink;

describe('a complaint’s link in words', () => {
  it('names the record this desk holds: kind, who, which visit', () => {
    expect(linkLabel(t, contact, { link: contact, title: '张三', detail: '技术合同认定登记 · 2026-11-02' })).toBe(
      '登记 张三 · 技术合同认定登记 · 2026-11-02',
    );
  });

  it('gives the bare reference for a record held elsewhere, and for kinds the desk does not label', () => {
    expect(linkLabel(t, contact, undefined)).toBe('登记 01KB7Z3Q9XJ4M2N8P6R5S3T1VW');
    const rating = { kind: 'rating', id: 'NYKJ-W7K2Q-2026-000127' } as ComplaintLink;
    expect(linkLabel(t, rating, undefined)).toBe('评价 NYKJ-W7K2Q-2026-000127');
  });

  it('says so when the visitor left no name, rather than showing nothing', () => {
    expect(linkLabel(t, contact, { link: contact, title: '', detail: '咨询 · 2026-11-02' })).toBe(
      '登记 （未留姓名） · 咨询 · 2026-11-02',
    );
  });
});
