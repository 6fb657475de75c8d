// Slip content is hostile: it is stored whole in slip.printed events and reprinted on any desk, so whatever a desk
// (or a catalog editor) wrote must reach the printed document as text only. Each context has its own escaping;
// React's renderToStaticMarkup covers the body, these cover what the document shell and the print CSS build by hand.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content or a quoted attribute value: nothing in it can open or close markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Characters a CSS string may hold as they are: letters, marks, digits, punctuation, symbols and spaces — except the
 * quotes, the backslash and < > (a `</style` would end the style element whatever the CSS around it says).
 * Everything else (controls, newlines, line/paragraph separators, bidi and other format characters, lone
 * surrogates, unassigned code points) is written as a hex escape.
 */
const CSS_PLAIN = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;
const CSS_SPECIAL = new Set(['"', "'", '\\', '<', '>']);

/** A CSS string literal (for `content:`) that, inside a <style> element, says `text` and nothing more. */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    // `\HHHHHH ` — six digits and the one space CSS consumes after an escape, so the next character stays itself.
    out +=
      CSS_SPECIAL.has(char) || !CSS_PLAIN.test(char)
        ? `\\${char.codePointAt(0)!.toString(16).padStart(6, '0')} `
        : char;
  }
  return `${out}"`;
}
