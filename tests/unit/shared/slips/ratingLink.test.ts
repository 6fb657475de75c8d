import { describe, expect, it } from 'vitest';
import {
  newRatingToken,
  parseRatingLink,
  publicRatingBaseSchema,
  needsRatingToken,
  ratingLink,
  ratingLinkPrefix,
  RATING_TOKEN_RE,
  withRatingToken,
} from '../../../../shared/rules/slips/ratingLink.ts';

// 好差评 by QR (issue 13): the link on every slip, `${publicRatingBase}/r/${serial}/${token}`.

const SERIAL = 'NYKJ-W7K2Q-2026-000127';
const TOKEN = 'AAECAwQFBgcICQoLDA0ODw'; // bytes 0…15

describe('the rating token', () => {
  it('is 16 random bytes as 22 base64url characters', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i);
    expect(newRatingToken(() => bytes)).toBe(TOKEN);
    expect(newRatingToken(() => new Uint8Array(16).fill(255))).toBe('_____________________w');
  });

  it('comes from the platform’s secure random source by default, a new one each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newRatingToken()));
    expect(tokens.size).toBe(50);
    for (const t of tokens) expect(t).toMatch(RATING_TOKEN_RE);
  });

  it('refuses a random source that gives too few bytes', () => {
    expect(() => newRatingToken(() => new Uint8Array(8))).toThrow(/16 random bytes/);
  });
});

describe('the rating link', () => {
  it('appends /r/<serial>/<token> to the public address, without a doubled slash', () => {
    expect(ratingLink('https://hq.nykj.example', SERIAL, TOKEN)).toBe(`https://hq.nykj.example/r/${SERIAL}/${TOKEN}`);
    expect(ratingLink('http://10.0.0.5:8080/firstdesk/', SERIAL, TOKEN)).toBe(
      `http://10.0.0.5:8080/firstdesk/r/${SERIAL}/${TOKEN}`,
    );
  });

  it('parses back into the address, the serial and the token', () => {
    const link = ratingLink('https://hq.nykj.example/pub', SERIAL, TOKEN);
    expect(parseRatingLink(link)).toEqual({ base: 'https://hq.nykj.example/pub', serial: SERIAL, token: TOKEN });
  });

  it('is not read out of a bare serial, a wrong token or a foreign address', () => {
    expect(parseRatingLink(SERIAL)).toBeNull();
    expect(parseRatingLink(`https://hq.nykj.example/r/${SERIAL}/short`)).toBeNull();
    expect(parseRatingLink(`https://hq.nykj.example/r/not-a-serial/${TOKEN}`)).toBeNull();
    expect(parseRatingLink(`ftp://hq.nykj.example/r/${SERIAL}/${TOKEN}`)).toBeNull();
    expect(parseRatingLink(`https://hq.nykj.example/f/${SERIAL}`)).toBeNull();
    expect(parseRatingLink(`https://hq.nykj.example/r/${SERIAL}/${TOKEN}?x=1`)).toBeNull();
  });

  it('cannot be made from an address, serial or token that would not parse back', () => {
    expect(() => ratingLink('hq.nykj.example', SERIAL, TOKEN)).toThrow(/public rating address/);
    expect(() => ratingLink('https://hq.nykj.example', 'W03-1', TOKEN)).toThrow(/serial/);
    expect(() => ratingLink('https://hq.nykj.example', SERIAL, 'x')).toThrow(/token/);
  });
});

describe('the public rating address (settings.publicRatingBase)', () => {
  it.each(['https://hq.nykj.example', 'http://127.0.0.1:8080', 'https://[::1]:8443/rate', 'https://a.b/c/d/'])(
    'takes %s',
    (base) => expect(publicRatingBaseSchema.safeParse(base).success).toBe(true),
  );

  it.each([
    'hq.nykj.example',
    'javascript:alert(1)',
    'https://hq.nykj.example/?a=1',
    'https://hq.nykj.example/#x',
    'https://user:pw@hq.nykj.example',
    'https://hq nykj.example',
    `https://${'a'.repeat(200)}.example`,
  ])('refuses %s', (base) => {
    const parsed = publicRatingBaseSchema.safeParse(base);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('publicRatingBase');
  });
});

describe('the link without its token, as the synced slip content holds it', () => {
  const token = 'AAECAwQFBgcICQoLDA0ODw';

  it('is the page of the serial, which the print completes with its token into the link HQ parses', () => {
    const prefix = ratingLinkPrefix('https://hq.example/', SERIAL);
    expect(prefix).toBe(`https://hq.example/r/${SERIAL}`);
    expect(parseRatingLink(prefix)).toBeNull();
    expect(needsRatingToken(prefix, SERIAL)).toBe(true);
    expect(withRatingToken(prefix, SERIAL, token)).toBe(ratingLink('https://hq.example', SERIAL, token));
  });

  it('is not a serial alone, a full link, or another serial’s page; nor completed by a bad token', () => {
    expect(needsRatingToken(SERIAL, SERIAL)).toBe(false);
    expect(needsRatingToken(ratingLink('https://hq.example', SERIAL, token), SERIAL)).toBe(false);
    expect(needsRatingToken(`https://hq.example/r/${SERIAL}`, 'NYKJ-W7K2Q-2026-000128')).toBe(false);
    expect(needsRatingToken(`javascript:alert(1)//r/${SERIAL}`, SERIAL)).toBe(false);
    expect(() => withRatingToken(SERIAL, SERIAL, token)).toThrow();
    expect(() => withRatingToken(`https://hq.example/r/${SERIAL}`, SERIAL, 'short')).toThrow();
    expect(() => ratingLinkPrefix('ftp://hq.example', SERIAL)).toThrow();
  });
});
