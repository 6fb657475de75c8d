import { createInstance, type TFunction } from 'i18next';
import type { DeviceCredentials } from '../../../../shared/sync/enrolment.ts';
import type { ReportAnswer, ReportGroup } from '../../../../shared/sync/reportApi.ts';
import type { StaffSession } from '../../../../shared/sync/staffAuth.ts';
import { en } from '../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';

/** The real words of both languages, for the supervision screen's pure parts. */
export async function reportWords(): Promise<{
  zh: TFunction;
  english: TFunction;
  exists: (key: string) => boolean;
}> {
  const i18n = createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  return { zh: i18n.getFixedT('zh-CN'), english: i18n.getFixedT('en'), exists: (key) => i18n.exists(key) };
}

export const NAMES = {
  staff: (id: string) => ({ 'chen-jing': '陈静', 'liu-yang': '刘洋', 'he-jianguo': '何建国' })[id] ?? id,
  department: (id: string) => ({ 'dept-hitech': '高新技术发展及产业化科', 'dept-office': '办公室' })[id] ?? id,
};

/** A November answer grouped by department, with the groups given. */
export function novemberAnswer(groups: ReportGroup[]): ReportAnswer {
  return {
    period: { from: '2026-11-01', to: '2026-11-30' },
    groupBy: 'department',
    groups,
    warnings: [],
    freshness: { projectedSeq: 10, latestSeq: 12, today: '2026-12-02', computedAt: '2026-12-02T06:00:00.000Z' },
  };
}

/** An enrolled desk and a supervisor's proven session, as the HQ clients take them. */
export const DESK = { deviceId: '01JZDESK000000000000000001', token: 'desk-token' } as unknown as DeviceCredentials;
export const SESSION = {
  staffId: 'huang-xiuying',
  sessionId: 'sid',
  key: 'k',
  expiresAt: '2026-12-02T12:00:00Z',
} as unknown as StaffSession;
