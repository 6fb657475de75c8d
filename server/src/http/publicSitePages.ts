import { createHash } from 'node:crypto';
import { enPublicSite } from '../../../shared/i18n/en.publicSite.ts';
import { zhCNPublicSite } from '../../../shared/i18n/zh-CN.publicSite.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import {
  guideDateText,
  type GuideDocument,
  type GuideLanguage,
  type GuideSection,
} from '../../../shared/rules/guide/compose.ts';
import { guidePath, PUBLIC_SITE_PATH } from '../../../shared/rules/guide/link.ts';

// HQ's public site (issue 16 item 3, art. 20–23): the commitments page and each item's 办事指南, rendered here as
// plain HTML with one small stylesheet — no script (the CSP allows none), no image, nothing from another origin —
// so a page is a few KB, opens on any phone and prints cleanly. Nothing here is about a person: the pages are made
// from the bureau's settings and its published catalog only.

const WORDS = { 'zh-CN': zhCNPublicSite, en: enPublicSite } as const;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
/** Escaped, a line break kept as <br>. */
const text = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');
const fill = (template: string, values: Readonly<Record<string, string | number>>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/** A link inside the site, keeping the reader's language. */
function href(path: string, lang: GuideLanguage): string {
  return escapeHtml(lang === 'en' ? `${path}?lang=en` : path);
}

// Body text ≥ 16 px, contrast above 7:1 for text and 4.5:1 for the muted and link colours (WCAG AA), one column that
// fits a 320 px phone; print drops the navigation and prints link targets of forms.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:1rem;line-height:1.65;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{border-bottom:3px solid #a61b1b;padding-top:.75rem;padding-bottom:.5rem}
.site{margin:0;font-weight:700;font-size:1.05rem}
nav a{margin-right:1rem}
a{color:#0b4f91}
h1{font-size:1.5rem;line-height:1.35;margin:1.25rem 0 .25rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid #c8cdd2}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
.version{color:#3d4349;margin:0 0 1rem}
.notice{border-left:4px solid #a61b1b;background:#fdf1f1;padding:.6rem .9rem}
dl.rows{margin:0}
dl.rows div{display:grid;grid-template-columns:8.5em 1fr;gap:.75rem;padding:.35rem 0;border-bottom:1px dotted #c8cdd2}
dt{color:#3d4349}dd{margin:0}
ol,ul{padding-left:1.5rem;margin:.25rem 0}li{margin:.3rem 0}
.materials li p{margin:0}.note{color:#3d4349;font-size:.93rem}
blockquote{margin:.5rem 0;padding:.1rem 0 .1rem .9rem;border-left:3px solid #c8cdd2}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.45rem .4rem;border-bottom:1px solid #c8cdd2}
th{font-weight:600;color:#3d4349}
.hotline{font-size:1.25rem;font-weight:700}
footer{margin-top:2rem;padding-top:.75rem;padding-bottom:2rem;border-top:1px solid #c8cdd2;color:#3d4349;font-size:.93rem}
@media (max-width:36rem){dl.rows div{grid-template-columns:1fr;gap:0}thead{display:none}tr{display:block;padding:.4rem 0;border-bottom:1px solid #c8cdd2}td{display:block;border:0;padding:.1rem 0}td[data-label]::before{content:attr(data-label) "：";color:#3d4349}}
@media print{nav,.lang{display:none}body{font-size:11pt}header,main,footer{max-width:none;padding:0}a{color:inherit;text-decoration:none}.forms a::after{content:" (" attr(href) ")";font-size:9pt}h2{break-after:avoid}li,tr,dl.rows div{break-inside:avoid}}
`;

/** The pages' CSP: no script, no images, no frames, no other origin; only this stylesheet, by its hash. */
export const PUBLIC_SITE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`,
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

interface Frame {
  readonly lang: GuideLanguage;
  readonly bureauName: string;
  readonly title: string;
  /** The path of this page, for the language switch. */
  readonly path: string;
  readonly complaintPhone?: string | undefined;
}

function frame(f: Frame, body: string): string {
  const w = WORDS[f.lang];
  const other = f.lang === 'en' ? f.path : `${f.path}?lang=en`;
  return (
    `<!doctype html><html lang="${f.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(f.title)}</title><style>${STYLE}</style></head><body>` +
    `<header><p class="site">${escapeHtml(f.bureauName)}</p>` +
    `<nav><a href="${href(PUBLIC_SITE_PATH, f.lang)}">${escapeHtml(w.home)}</a>` +
    `<a class="lang" href="${escapeHtml(other)}" hreflang="${f.lang === 'en' ? 'zh-CN' : 'en'}">${escapeHtml(w.otherLanguage)}</a></nav></header>` +
    `<main>${body}</main><footer>` +
    (f.complaintPhone ? `<p>${escapeHtml(fill(w.complaintLine, { phone: f.complaintPhone }))}</p>` : '') +
    `<p>${escapeHtml(w.privacy)}</p></footer></body></html>`
  );
}

export interface PublicItemSummary {
  readonly id: string;
  readonly name: string;
  readonly promised: string;
  readonly statutory: string;
  readonly fee: string;
}

export interface CommitmentsPageData {
  readonly lang: GuideLanguage;
  readonly bureauName: string;
  /** settings.publicDuties: one duty per line. */
  readonly duties?: string | undefined;
  readonly consultPhone: string;
  readonly complaintPhone: string;
  readonly items: readonly PublicItemSummary[];
  /** The newest publication among the listed items. */
  readonly catalogDate?: IsoDate | undefined;
}

/** `/public`: the bureau's duties, the regulation's commitments in its words, the items, the complaint hotline. */
export function commitmentsPage(data: CommitmentsPageData): string {
  const w = WORDS[data.lang];
  const title = fill(w.siteTitle, { bureau: data.bureauName });
  const duties = (data.duties ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const cols = w.itemColumns;
  const cell = (label: string, value: string) => `<td data-label="${escapeHtml(label)}">${escapeHtml(value)}</td>`;
  const rows = data.items
    .map(
      (item) =>
        `<tr><td><a href="${href(guidePath(item.id), data.lang)}">${escapeHtml(item.name)}</a></td>` +
        cell(cols.promised, item.promised) +
        cell(cols.statutory, item.statutory) +
        cell(cols.fee, item.fee) +
        `</tr>`,
    )
    .join('');
  const body =
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(w.intro)}</p>` +
    (duties.length
      ? `<h2>${escapeHtml(w.dutiesHeading)}</h2><ol>${duties.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ol>`
      : '') +
    `<h2>${escapeHtml(w.commitmentsHeading)}</h2>` +
    w.commitments
      .map(
        (c) =>
          `<h3>${escapeHtml(c.heading)}</h3>` +
          c.quotes.map((q) => `<blockquote>${escapeHtml(q)}</blockquote>`).join(''),
      )
      .join('') +
    `<h2>${escapeHtml(w.itemsHeading)}</h2>` +
    (data.items.length
      ? `<table><thead><tr><th>${escapeHtml(cols.item)}</th><th>${escapeHtml(cols.promised)}</th>` +
        `<th>${escapeHtml(cols.statutory)}</th><th>${escapeHtml(cols.fee)}</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p>${escapeHtml(w.itemsNone)}</p>`) +
    (data.catalogDate
      ? `<p class="note">${escapeHtml(fill(w.catalogDate, { date: guideDateText(data.catalogDate, data.lang) }))}</p>`
      : '') +
    `<h2>${escapeHtml(w.complaintHeading)}</h2>` +
    `<p class="hotline">${escapeHtml(fill(w.complaintLine, { phone: data.complaintPhone }))}</p>` +
    `<p>${escapeHtml(fill(w.consultLine, { phone: data.consultPhone }))}</p>`;
  return frame({ lang: data.lang, bureauName: data.bureauName, title, path: PUBLIC_SITE_PATH }, body);
}

export interface VersionEntry {
  readonly rev: number;
  /** The Beijing day it was published. */
  readonly publishedOn: IsoDate;
}

export interface GuidePageData {
  readonly guide: GuideDocument;
  /** Every published version of the item, the current one included. */
  readonly versions: readonly VersionEntry[];
  readonly currentRev: number;
  readonly active: boolean;
  readonly complaintPhone: string;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function sectionHtml(section: GuideSection, lang: GuideLanguage): string {
  const w = WORDS[lang];
  const parts: string[] = [`<h2 id="${section.key}">${escapeHtml(section.heading)}</h2>`];
  if (section.rows?.length) {
    parts.push(
      `<dl class="rows">${section.rows.map((r) => `<div><dt>${escapeHtml(r.label)}</dt><dd>${text(r.value)}</dd></div>`).join('')}</dl>`,
    );
  }
  if (section.list?.length) {
    const tag = section.ordered ? 'ol' : 'ul';
    parts.push(`<${tag}>${section.list.map((item) => `<li>${text(item)}</li>`).join('')}</${tag}>`);
  }
  if (section.materials?.length) {
    parts.push(
      `<ol class="materials">${section.materials
        .map(
          (m) =>
            `<li><p><strong>${escapeHtml(m.name)}</strong>${escapeHtml(fill(w.materialRequirement, { requirement: m.requirement }))}</p>` +
            `<p>${escapeHtml(fill(w.materialCopies, { copies: m.copies }))}${escapeHtml(w.materialSeparator)}${escapeHtml(fill(w.materialFormat, { format: m.format }))}</p>` +
            (m.notes.length ? `<p class="note">${m.notes.map(text).join('<br>')}</p>` : '') +
            `</li>`,
        )
        .join('')}</ol>`,
    );
  }
  if (section.forms?.length) {
    parts.push(
      `<ul class="forms">${section.forms
        .map(
          (f) =>
            `<li><a href="${escapeHtml(f.href)}" download>${escapeHtml(
              fill(w.formDownload, { kind: f.kind, name: f.name, fileName: f.fileName, size: sizeText(f.bytes) }),
            )}</a></li>`,
        )
        .join('')}</ul>`,
    );
  }
  if (section.faq?.length) {
    parts.push(section.faq.map((q) => `<h3>${escapeHtml(q.question)}</h3><p>${text(q.answer)}</p>`).join(''));
  }
  for (const p of section.paragraphs ?? []) parts.push(`<p>${text(p)}</p>`);
  return `<section>${parts.join('')}</section>`;
}

/** `/public/items/:id` and `/public/items/:id/v/:rev`: one version's guide, dated, with every published version. */
export function guidePage(data: GuidePageData): string {
  const { guide } = data;
  const lang = guide.lang;
  const w = WORDS[lang];
  const superseded = guide.rev < data.currentRev;
  const path = superseded ? guidePath(guide.itemId, guide.rev) : guidePath(guide.itemId);
  const notices = [
    ...(superseded
      ? [
          `${escapeHtml(fill(w.supersededNotice, { next: guide.rev + 1 }))} ` +
            `<a href="${href(guidePath(guide.itemId), lang)}">${escapeHtml(w.currentLink)}</a>`,
        ]
      : []),
    ...(data.active ? [] : [escapeHtml(w.inactiveNotice)]),
  ];
  const versions = [...data.versions]
    .sort((a, b) => b.rev - a.rev)
    .map((v) => {
      const label = escapeHtml(fill(w.versionEntry, { rev: v.rev, date: guideDateText(v.publishedOn, lang) }));
      const mark = v.rev === data.currentRev ? escapeHtml(w.currentMark) : '';
      return v.rev === guide.rev
        ? `<li aria-current="page">${label}${mark}</li>`
        : `<li><a href="${href(guidePath(guide.itemId, v.rev), lang)}">${label}</a>${mark}</li>`;
    })
    .join('');
  const body =
    `<h1>${escapeHtml(guide.title)}</h1>` +
    `<p class="version">${escapeHtml(guide.versionLine)}</p>` +
    notices.map((n) => `<p class="notice" role="note">${n}</p>`).join('') +
    guide.sections.map((s) => sectionHtml(s, lang)).join('') +
    (versions ? `<section><h2 id="versions">${escapeHtml(w.guideVersions)}</h2><ul>${versions}</ul></section>` : '') +
    `<p class="note">${escapeHtml(w.printHint)}</p>`;
  return frame(
    { lang, bureauName: guide.bureauName, title: guide.title, path, complaintPhone: data.complaintPhone },
    body,
  );
}

/** An unknown item or version: a 404 in the site's own style. */
export function notFoundPage(lang: GuideLanguage, bureauName: string, path: string): string {
  const w = WORDS[lang];
  return frame(
    { lang, bureauName, title: w.notFoundTitle, path },
    `<h1>${escapeHtml(w.notFoundTitle)}</h1><p>${escapeHtml(w.notFound)}</p>` +
      `<p><a href="${href(PUBLIC_SITE_PATH, lang)}">${escapeHtml(w.backHome)}</a></p>`,
  );
}
