import { describe, expect, it } from 'vitest';
import { DEVICE_ID_HEADER } from '../../../../shared/sync/enrolment.ts';
import { STAFF_SESSION_HEADER } from '../../../../shared/sync/staffAuth.ts';
import { reportClient, ReportClientError } from '../../../../renderer/data/reports/client.ts';
import { DESK, novemberAnswer, SESSION } from './i18nHarness.ts';

// The supervision screen's calls to HQ (art. 4): both proofs on every call, no HTTP cache, answers parsed against
// the wire contract, HQ's refusals kept as their codes so the screen can say why.

const ANSWER = novemberAnswer([
  {
    group: 'dept-hitech',
    figures: {
      'contacts.total': { numerator: 4, denominator: 4, rate: 1 },
      'cases.onTime': { numerator: 1, denominator: 2, rate: 0.5 },
    },
  },
]);

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { calls, impl };
}

describe('the report client', () => {
  it('asks GET /reports with the period and grouping, proving the desk and the person, never cached', async () => {
    const { calls, impl } = fakeFetch(200, ANSWER);
    const answer = await reportClient('https://hq.example/', DESK, SESSION, impl).answer({
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'department',
    });
    expect(answer.groups[0]!.figures['cases.onTime']!.rate).toBe(0.5);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe('https://hq.example/reports');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'department',
    });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer desk-token');
    expect(headers[DEVICE_ID_HEADER]).toBe(DESK.deviceId);
    expect(headers[STAFF_SESSION_HEADER]).toBe('sid.k');
    expect(calls[0]!.init.cache).toBe('no-store');
    expect(calls[0]!.init.method).toBe('GET');
  });

  it('asks a drill-down page and a series with their parameters', async () => {
    const drill = fakeFetch(200, { key: 'cases.onTime', group: 'dept-hitech', total: 0, offset: 200, facts: [] });
    await reportClient('https://hq', DESK, SESSION, drill.impl).drill({
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'department',
      group: 'dept-hitech',
      key: 'cases.onTime',
      offset: 200,
    });
    const d = new URL(drill.calls[0]!.url);
    expect(d.pathname).toBe('/reports/facts');
    expect(Object.fromEntries(d.searchParams)).toMatchObject({
      group: 'dept-hitech',
      key: 'cases.onTime',
      offset: '200',
    });

    const series = fakeFetch(200, { step: 'month', groupBy: 'bureau', buckets: [] });
    await reportClient('https://hq', DESK, SESSION, series.impl).series({
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: 'bureau',
      step: 'month',
      keys: ['cases.received', 'cases.onTime'],
    });
    const s = new URL(series.calls[0]!.url);
    expect(s.pathname).toBe('/reports/series');
    expect(s.searchParams.get('keys')).toBe('cases.received,cases.onTime');
    expect(s.searchParams.get('step')).toBe('month');
  });

  it('keeps HQ’s refusal as its code: a clerk is not-allowed (403), an expired SESSION needs a new one', async () => {
    const refused = fakeFetch(403, { error: 'Forbidden', code: 'not-allowed', message: 'supervisors only' });
    const q = { from: '2026-11-01', to: '2026-11-30', groupBy: 'bureau' } as const;
    await expect(reportClient('https://hq', DESK, SESSION, refused.impl).answer(q)).rejects.toMatchObject({
      code: 'not-allowed',
      status: 403,
    });
    const expired = fakeFetch(401, { error: 'Unauthorized', code: 'staff-session-required', message: 'sign in' });
    await expect(reportClient('https://hq', DESK, SESSION, expired.impl).answer(q)).rejects.toMatchObject({
      code: 'staff-session-required',
    });
    const bare = fakeFetch(502, '<html>bad gateway</html>');
    await expect(reportClient('https://hq', DESK, SESSION, bare.impl).answer(q)).rejects.toMatchObject({
      code: 'other',
      status: 502,
    });
  });

  it('says offline when HQ cannot be reached, and refuses an answer the contract does not describe', async () => {
    const q = { from: '2026-11-01', to: '2026-11-30', groupBy: 'bureau' } as const;
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const error = await reportClient('https://hq', DESK, SESSION, down)
      .answer(q)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportClientError);
    expect(error).toMatchObject({ code: 'offline' });
    const odd = fakeFetch(200, { ...ANSWER, groups: [{ group: 'x', figures: { a: { numerator: 'many' } } }] });
    await expect(reportClient('https://hq', DESK, SESSION, odd.impl).answer(q)).rejects.toMatchObject({
      code: 'unrecognised',
    });
  });

  it('passes an abort on, as the abort it is (a newer request, not a lost network)', async () => {
    const controller = new AbortController();
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as unknown as typeof fetch;
    const call = reportClient('https://hq', DESK, SESSION, hanging).answer(
      { from: '2026-11-01', to: '2026-11-30', groupBy: 'bureau' },
      controller.signal,
    );
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});
