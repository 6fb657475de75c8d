import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssString, escapeHtml } from '../../../../renderer/print/escape.ts';

/** Reads a CSS string token back as Chromium does (CSS Syntax 3, §4.3.5 and §4.3.7); throws on a bad string. */
function readCssString(literal: string): string {
  if (!/^"[^]*"$/.test(literal)) throw new Error(`not a quoted string: ${literal}`);
  let out = '';
  const body = literal.slice(1, -1);
  for (let i = 0; i < body.length;) {
    const c = body[i]!;
    if (c === '"' || c === '\n' || c === '\r' || c === '\f') throw new Error(`string ends early at ${i}: ${literal}`);
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const hex = /^[0-9a-fA-F]{1,6}/.exec(body.slice(i + 1))?.[0];
    if (!hex) {
      out += body[i + 1] ?? '';
      i += 2;
      continue;
    }
    i += 1 + hex.length;
    if (body[i] === ' ' || body[i] === '\t' || body[i] === '\n') i++;
    const code = parseInt(hex, 16);
    out += String.fromCodePoint(code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ? 0xfffd : code);
  }
  return out;
}

/** The inside of a CSS string without its `\HHHHHH ` escapes: what is left must be harmless as it stands. */
const bare = (literal: string) => literal.slice(1, -1).replace(/\\[0-9a-f]{6} /g, '');

/** What a CSS string can carry at all: NUL and lone surrogates become U+FFFD in every browser. */
const representable = (text: string) =>
  text.replace(/\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

// A property over arbitrary strings (fast-check's default runs): seconds on a loaded machine.
describe('a CSS string written into the slip style element', { timeout: 30_000 }, () => {
  it.each([
    ['a style breakout', '</style><img src=http://127.0.0.1:9/x>'],
    ['a quote that would end the string', '"; } body { background: url(http://127.0.0.1:9/y) } .x { content: "'],
    ['a single quote', "it's"],
    ['a backslash that would escape the closing quote', 'C:\\'],
    ['a newline, which ends a CSS string', '第一行\n第二行'],
    ['a comment end', '*/ @import url(http://127.0.0.1:9/z); /*'],
    ['controls and invisible format characters', 'a\u0007b\u2028c\u202ed\ufeffe\u0085'],
  ])('holds %s as text only', (_what, text) => {
    const literal = cssString(text);
    expect(bare(literal)).not.toMatch(/[\\"'<>\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    expect(readCssString(literal)).toBe(text);
  });

  it('writes every escape as six hex digits and a space, so the next character is never read into it', () => {
    expect(cssString('<1')).toBe('"\\00003c 1"');
    expect(cssString('\\a')).toBe('"\\00005c a"');
  });

  it('leaves Chinese, letters, digits and ordinary punctuation as they are', () => {
    expect(cssString('第 1 页，共 2 页 (NYKJ-W7K2Q-2026-000127)')).toBe('"第 1 页，共 2 页 (NYKJ-W7K2Q-2026-000127)"');
  });

  it('says exactly its text for any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const literal = cssString(text);
        expect(bare(literal)).not.toMatch(/[\\"'<>\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
        expect(readCssString(literal)).toBe(representable(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('HTML text and attribute values', () => {
  it('turns every character that could open, close or quote markup into an entity', () => {
    expect(escapeHtml(`</title><a href="x" title='y'>&amp;`)).toBe(
      '&lt;/title&gt;&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;',
    );
  });
});
