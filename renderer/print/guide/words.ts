import { enPublicCommitment } from '../../../shared/i18n/en.publicCommitment.ts';
import { zhCNPublicCommitment } from '../../../shared/i18n/zh-CN.publicCommitment.ts';
import type { GuideLanguage } from '../../../shared/rules/guide/compose.ts';

// The 明白纸 and the poster are rendered outside React's i18next context (a string of HTML): they take the words of
// the language they are printed in directly — zh-CN, the bureau's, unless English was asked for.

export type GuidePaperWords = typeof zhCNPublicCommitment.paper;

export function guidePaperWords(lang: GuideLanguage): GuidePaperWords {
  return (lang === 'en' ? enPublicCommitment.paper : zhCNPublicCommitment.paper) as GuidePaperWords;
}

/** The language a paper is printed in for the desk's UI language. */
export function guideLang(uiLanguage: string): GuideLanguage {
  return uiLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
