import { createInstance, type TFunction } from 'i18next';
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
