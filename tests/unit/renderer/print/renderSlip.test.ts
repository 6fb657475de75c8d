// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperFormat, SlipContent } from '../../../../shared/model/slip.ts';
import { renderSlipHtml, SLIP_CSP } from '../../../../renderer/print/renderSlip.tsx';
import { slipCss } from '../../../../renderer/print/styles.ts';
import { hostileMarkup, hostilePageLabel, hostileSlip } from '../../../fixtures/hostileSlip.ts';

// Slip content comes from any desk (it is stored whole in slip.printed events): whatever it says, the printed
// document must show it as text, and carry a policy that would stop anything that got through.

const ORIGIN = 'http://127.0.0.1:9';
const FORMATS: readonly PaperFormat[] = ['a4', 'receipt80'];
/** Even the serial, which the schema pins, is treated as hostile by the template. */
const HOSTILE_SERIAL = `</style><img src=${ORIGIN}/serial>"\\`;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

function render(content: SlipContent, format: PaperFormat) {
  return renderSlipHtml(content, { format, reprint: { n: 1, on: '2027-03-01' }, receiptHeightMm: 180 });
}

describe.each(FORMATS)('a slip whose every word is markup, on %s', (format) => {
  const content = { ...hostileSlip(ORIGIN), serial: HOSTILE_SERIAL } as unknown as SlipContent;
  let html = '';
  let doc: Document;
  // Rendered in a hook, so a template that throws on this content fails the tests rather than the file.
  beforeAll(() => {
    html = render(content, format);
    doc = parse(html);
  });

  it('has only the elements of a slip: no image, script, link, base, meta refresh or frame made of its text', () => {
    expect([...doc.head.children].map((el) => el.tagName)).toEqual(['META', 'META', 'TITLE', 'STYLE']);
    expect([...doc.body.children].map((el) => el.tagName)).toEqual(['ARTICLE']);
    expect(
      doc.querySelectorAll('img, image, script, link, base, iframe, object, embed, form, style, meta'),
    ).toHaveLength(3);
    expect(doc.querySelectorAll('[onerror], [href], [src]')).toHaveLength(0);
    expect(html).not.toMatch(/<(img|script|link|base|svg><image)\b|<meta http-equiv="refresh"/i);
  });

  it('carries its own Content-Security-Policy before anything it governs', () => {
    const policy = doc.head.children[1]!;
    expect(policy.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(policy.getAttribute('content')).toBe(SLIP_CSP);
    expect(SLIP_CSP).toMatch(/(^|; )default-src 'none'(;|$)/);
    expect(SLIP_CSP).not.toMatch(/https?:|\*|'unsafe-eval'|script-src/);
  });

  it('keeps the style element to the slip CSS, with the hostile serial and page label inside CSS strings', () => {
    const css = slipCss(format, { serial: HOSTILE_SERIAL, pageLabel: hostilePageLabel(ORIGIN), receiptHeightMm: 180 });
    expect(doc.querySelector('style')!.textContent).toBe(css);
    expect(css).not.toContain('<');
  });

  it('shows every word as text, exactly as written', () => {
    const sheet = squeeze(doc.querySelector('.sheet')!.textContent ?? '');
    for (const markup of hostileMarkup(ORIGIN)) expect(sheet).toContain(squeeze(markup));
    expect(sheet).toContain(HOSTILE_SERIAL);
    expect(doc.title).toBe(`${content.title} ${HOSTILE_SERIAL}`);
    expect(doc.querySelector('.sheet')!.getAttribute('data-serial')).toBe(HOSTILE_SERIAL);
    expect(doc.documentElement.lang).toBe('zh-CN');
  });

  it('draws the QR code from numbers alone, whatever its payload says', () => {
    const svg = doc.querySelector('.qr svg')!;
    expect(svg.querySelectorAll('*')).toHaveLength(2);
    expect(svg.querySelector('path')!.getAttribute('d')).toMatch(/^[Mhvz\d\s-]+$/);
    expect(svg.outerHTML).not.toContain(ORIGIN);
  });
});

describe('an ordinary slip', () => {
  it('keeps its page footer as before: Chinese, digits and dashes are not escaped', () => {
    const css = slipCss('a4', {
      serial: 'NYKJ-W7K2Q-2026-000127',
      pageLabel: '第 {{page}} 页 共 {{pages}} 页',
      receiptHeightMm: 297,
    });
    expect(css).toContain(
      'content: "NYKJ-W7K2Q-2026-000127" "\\3000" "第 " counter(page) " 页 共 " counter(pages) " 页"',
    );
  });
});
