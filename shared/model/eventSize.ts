// Every event has a largest size (issue 10): the string and list bounds alone let a slip.printed event reach
// gigabytes in theory (sections × blocks × rows × 4,000-character texts), and a desk holding such an event could
// never push it. Bounding the whole event makes every push the desk builds (shared/sync/protocol.ts MAX_PUSH_BYTES)
// and every pull page answerable.

const KIB = 1024;

/**
 * The largest event, as JSON in UTF-8 bytes, its proof of authorship included. The largest legitimate events are
 * a catalog item at every schema limit (≈ 232 KB as a document, ≈ 244 KB as catalog.itemSaved) and the checklist
 * composed from it (≈ 237 KB); the 30-material LONG_ITEM checklist of the print tests is ≈ 38 KB. Twice the
 * largest, so a longer wording of the slips or a few more fields never bounce (tests/unit/shared/model/eventSize.test.ts).
 */
export const MAX_EVENT_BYTES = 512 * KIB;

/**
 * Room an event without a proof keeps for one: the desk validates an event before it adds the proof (the proof
 * signs the validated event, renderer/data/append.ts), so the bound must hold for what is pushed after. The
 * longest proof, `,"proof":{"sessionId":"<22 characters>","mac":"<43>"}`, is 99 bytes.
 */
export const PROOF_ROOM_BYTES = 128;

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD that replaces it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The size of a value as the desk sends it and the server stores it: JSON in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** Whether an event is within MAX_EVENT_BYTES, with room for the proof it may still get. */
export function withinEventBytes(event: { readonly proof?: unknown }): boolean {
  const json = JSON.stringify(event) ?? '';
  const room = event.proof === undefined ? PROOF_ROOM_BYTES : 0;
  // Most events are small: no need to count bytes when even 3 a character cannot reach the bound.
  if ((json.length + room) * 3 <= MAX_EVENT_BYTES) return true;
  return utf8Length(json) + room <= MAX_EVENT_BYTES;
}
