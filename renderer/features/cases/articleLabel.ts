import type { TFunction } from 'i18next';

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 11 → 十一, 32 → 三十二: how a Chinese text numbers an article. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/**
 * 'art. 18(1)' → 第十八条第（一）项 in zh-CN, art. 18(1) in en; a list as the rules cite it ('art. 17, 18(1)') →
 * 第十七条、第十八条第（一）项. Anything else (e.g. a statute's §32) as it is.
 */
export function articleLabel(article: string, t: TFunction, language: string): string {
  const zh = language.startsWith('zh');
  const num = (s: string) => (zh ? chineseNumber(Number(s)) : s);
  // Only the first citation carries 'art. '; a later one may repeat it.
  const parts = article.split(', ').map((part, i) => (i === 0 ? part : part.replace(/^(?!art\. )/, 'art. ')));
  const labels: string[] = [];
  for (const part of parts) {
    const m = /^art\. (\d+)(?:\((\d+)\))?$/.exec(part);
    if (!m) return article;
    labels.push(m[2] ? t('cases.articleItem', { n: num(m[1]!), k: num(m[2]) }) : t('cases.article', { n: num(m[1]!) }));
  }
  return labels.join(zh ? '、' : ', ');
}
