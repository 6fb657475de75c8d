import { createHash } from 'node:crypto';
import { enFollowUp } from '../../../shared/i18n/en.followUp.ts';
import { enPublicRating } from '../../../shared/i18n/en.publicRating.ts';
import { zhCNFollowUp } from '../../../shared/i18n/zh-CN.followUp.ts';
import { zhCNPublicRating } from '../../../shared/i18n/zh-CN.publicRating.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import {
  BAD_LEVELS,
  LOW_RATING_REASONS,
  RATING_LEVELS,
  type LowRatingReason,
  type RatingLevel,
} from '../../../shared/model/satisfaction.ts';

// HQ's public rating page (issue 13 item 4), rendered on the server as plain HTML: it must work on any phone, with
// no script at all (the CSP allows none), and show nothing about the applicant — only the bureau, the slip's title
// and item, and the name of the staff member who served them.

export type PageLang = 'zh-CN' | 'en';

const WORDS = { 'zh-CN': zhCNPublicRating, en: enPublicRating } as const;
const LEVEL_WORDS = { 'zh-CN': zhCNFollowUp, en: enFollowUp } as const;

/** ?lang=en gives English; anything else the default, Chinese. */
export function pageLang(query: unknown): PageLang {
  return typeof query === 'object' && query !== null && (query as { lang?: unknown }).lang === 'en' ? 'en' : 'zh-CN';
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

// Large tap targets; the reasons only once a bad level is chosen where the browser can tell (:has), else always.
const STYLE = `
body{margin:0;font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;color:#1a1a1a;line-height:1.5}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;background:#fff;padding:.75rem;border-radius:.5rem}
dt{color:#555}dd{margin:0;font-weight:600}
fieldset{border:0;padding:0;margin:1rem 0}legend{font-weight:600;margin-bottom:.5rem}
.level,.reason{display:flex;align-items:center;gap:.75rem;background:#fff;border:2px solid #d0d5da;border-radius:.5rem;padding:.9rem 1rem;margin:.5rem 0;font-size:1.15rem;cursor:pointer}
.reason{font-size:1rem;padding:.6rem .9rem}
.level:has(input:checked),.reason:has(input:checked){border-color:#1c7ed6;background:#e7f5ff}
input[type=radio],input[type=checkbox]{width:1.4rem;height:1.4rem}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border-radius:.5rem;border:1px solid #adb5bd}
button{width:100%;font-size:1.2rem;padding:.9rem;border:0;border-radius:.5rem;background:#1c7ed6;color:#fff;margin-top:1rem}
.error{color:#c92a2a;font-weight:600}.note{color:#555;font-size:.9rem}.message{background:#fff;padding:1.5rem 1rem;border-radius:.5rem;font-size:1.2rem}
@supports selector(:has(a)){.reasons{display:none}form:has(input[name=level][value=dissatisfied]:checked) .reasons,form:has(input[name=level][value=veryDissatisfied]:checked) .reasons{display:block}}
`;

/** The page's CSP: no script, no images, no frames, no other origin; only this style (by its hash) and posts here. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

function page(lang: PageLang, body: string): string {
  const w = WORDS[lang];
  const other = lang === 'en' ? '?' : '?lang=en';
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(w.title)}</title><style>${STYLE}</style></head>` +
    `<body><main>${body}<p class="note">${escapeHtml(w.privacy)}</p>` +
    `<p class="note"><a href="${other}" hreflang="${lang === 'en' ? 'zh-CN' : 'en'}">${escapeHtml(w.otherLanguage)}</a></p>` +
    `</main></body></html>`
  );
}

/** A page with one message and nothing else: an invalid link, a slip already rated, thanks, too many requests. */
export function messagePage(lang: PageLang, message: string, hint?: string): string {
  const w = WORDS[lang];
  return page(
    lang,
    `<h1>${escapeHtml(w.title)}</h1><p class="message" role="status">${escapeHtml(message)}</p>` +
      (hint ? `<p class="note">${escapeHtml(hint)}</p>` : ''),
  );
}

export type MessageKey = 'invalid' | 'alreadyRated' | 'thanks' | 'tooMany';

export function wordsOf(lang: PageLang) {
  return WORDS[lang];
}

/** What the page may show of the slip: nothing about the applicant. */
export interface SlipShown {
  readonly bureauName: string;
  readonly title: string;
  readonly item?: string | undefined;
  readonly staffName: string;
}

/** What the applicant chose, kept when the form comes back with an error. */
export interface RatingChoice {
  readonly level?: RatingLevel | undefined;
  readonly reasons: readonly LowRatingReason[];
  readonly comment: string;
}

export type FormError = 'levelRequired' | 'commentTooLong' | 'commentInvalid';

export function ratingFormPage(
  lang: PageLang,
  slip: SlipShown,
  choice: RatingChoice = { reasons: [], comment: '' },
  error?: FormError,
): string {
  const w = WORDS[lang];
  const words = LEVEL_WORDS[lang];
  const field = (label: string, value: string) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  const levels = RATING_LEVELS.map(
    (level) =>
      `<label class="level"><input type="radio" name="level" value="${level}"${choice.level === level ? ' checked' : ''} required>` +
      `<span>${escapeHtml(words.level[level])}</span></label>`,
  ).join('');
  const reasons = LOW_RATING_REASONS.map(
    (reason) =>
      `<label class="reason"><input type="checkbox" name="reason" value="${reason}"${choice.reasons.includes(reason) ? ' checked' : ''}>` +
      `<span>${escapeHtml(words.reason[reason])}</span></label>`,
  ).join('');
  const message = error ? fill(w.errors[error], { max: LIMITS.note }) : '';
  return page(
    lang,
    `<h1>${escapeHtml(w.title)}</h1><p>${escapeHtml(w.intro)}</p>` +
      `<dl>${field(w.bureau, slip.bureauName)}${field(w.document, slip.title)}` +
      `${slip.item ? field(w.item, slip.item) : ''}${field(w.staff, slip.staffName)}</dl>` +
      (error ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : '') +
      `<form method="post" action="">` +
      `<fieldset><legend>${escapeHtml(w.question)}</legend>${levels}</fieldset>` +
      `<fieldset class="reasons"><legend>${escapeHtml(w.reasonsHeading)}</legend>` +
      `<p class="note">${escapeHtml(w.reasonsHint)}</p>${reasons}</fieldset>` +
      `<label for="comment">${escapeHtml(w.comment)}</label>` +
      `<textarea id="comment" name="comment" rows="4" maxlength="${LIMITS.note}">${escapeHtml(choice.comment)}</textarea>` +
      `<p class="note">${escapeHtml(fill(w.commentHint, { max: LIMITS.note }))}</p>` +
      `<button type="submit">${escapeHtml(w.submit)}</button></form>`,
  );
}

/** Reasons are asked for, and kept, only with 不满意 / 非常不满意 (a reason left ticked under a better level is dropped). */
export function reasonsApply(level: RatingLevel): boolean {
  return BAD_LEVELS.includes(level);
}
