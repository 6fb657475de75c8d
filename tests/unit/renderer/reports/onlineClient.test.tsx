// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_ID_HEADER, type DeviceCredentials } from '../../../../shared/sync/enrolment.ts';
import { STAFF_SESSION_HEADER, staffSessionHeader, type StaffSession } from '../../../../shared/sync/staffAuth.ts';
import { ComplaintClientError } from '../../../../renderer/data/complaints/client.ts';
import { useComplaintClient } from '../../../../renderer/data/complaints/hooks.ts';
import { ReportClientError } from '../../../../renderer/data/reports/client.ts';
import { useReportClient } from '../../../../renderer/data/reports/hooks.ts';
import type { Platform } from '../../../../renderer/platform/types.ts';
import { DESK, SESSION } from './i18nHarness.ts';

// 督查报表 and 投诉 make their HQ client the same way (renderer/data/onlineClient.ts): this desk's credentials, the
// person's session, the server's URL. Without credentials each says so in its own client's error class (the screens
// word failures by that class); a client that comes after the screen is gone is dropped.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function platformWith(credentials: DeviceCredentials | null, calls: string[] = []) {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const platform = {
    loadDeviceCredentials: async () => {
      calls.push('credentials');
      await gate;
      return credentials;
    },
    serverUrl: async () => {
      calls.push('serverUrl');
      return 'https://hq.example/';
    },
  } as unknown as Platform;
  return { platform, release };
}

let root: Root;
beforeEach(() => {
  root = createRoot(document.createElement('div'));
});
afterEach(() => act(() => root.unmount()));

type Seen = { client: unknown; failure: unknown };

function mount(hook: (p: Platform, s: StaffSession) => Seen, platform: Platform): () => Seen {
  let seen: Seen = { client: undefined, failure: undefined };
  function Probe() {
    seen = hook(platform, SESSION);
    return null;
  }
  act(() => root.render(createElement(Probe)));
  return () => seen;
}

const hooks = [
  ['督查报表', useReportClient, ReportClientError],
  ['投诉', useComplaintClient, ComplaintClientError],
] as const;

describe.each(hooks)('the %s client', (_name, hook, ErrorClass) => {
  it('is made from the credentials, the server URL and the session, once both are read', async () => {
    const calls: string[] = [];
    const { platform, release } = platformWith(DESK, calls);
    const seen = mount(hook, platform);
    expect(seen()).toEqual({ client: null, failure: null });
    await act(async () => release());
    expect(seen().client).not.toBeNull();
    expect(seen().failure).toBeNull();
    expect(calls).toEqual(['credentials', 'serverUrl']);
  });

  it('fails as unauthenticated, in its own error class, on a desk without credentials', async () => {
    const { platform, release } = platformWith(null);
    const seen = mount(hook, platform);
    await act(async () => release());
    expect(seen().client).toBeNull();
    expect(seen().failure).toBeInstanceOf(ErrorClass);
    expect(seen().failure).toMatchObject({ code: 'unauthenticated' });
  });

  it('keeps the client of the session now signed in, never one made for the previous session', async () => {
    // Two loads under way: the earlier session's credentials come back last.
    const releases: (() => void)[] = [];
    const platform = {
      loadDeviceCredentials: () => new Promise<DeviceCredentials>((resolve) => releases.push(() => resolve(DESK))),
      serverUrl: async () => 'https://hq.example/',
    } as unknown as Platform;
    const next = { ...SESSION, staffId: 'he-jianguo', sessionId: 'sid-2' } as StaffSession;
    let seen: Seen = { client: null, failure: null };
    function Probe({ who }: { who: StaffSession }) {
      seen = hook(platform, who);
      return null;
    }
    act(() => root.render(createElement(Probe, { who: SESSION })));
    act(() => root.render(createElement(Probe, { who: next })));
    expect(releases).toHaveLength(2);
    await act(async () => releases[1]!());
    const current = seen.client;
    expect(current).not.toBeNull();
    await act(async () => releases[0]!());
    expect(seen.client).toBe(current);
    expect(await sessionOf(seen.client)).toBe(staffSessionHeader(next));
  });
});

/** The first request a client sends (its first call, answered with a refusal). */
async function firstRequest(client: unknown): Promise<{ url: string; headers: Record<string, string> } | undefined> {
  const original = globalThis.fetch;
  const requests: { url: string; headers: Record<string, string> }[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, headers: init.headers as Record<string, string> });
    return new Response('{}', { status: 403 });
  }) as unknown as typeof fetch;
  try {
    const c = client as { answer?: (q: object) => Promise<unknown>; list?: (q?: object) => Promise<unknown> };
    await (c.answer ?? c.list)!.call(c, { from: '2026-11-01', to: '2026-11-30', groupBy: 'bureau' }).catch(() => 0);
  } finally {
    globalThis.fetch = original;
  }
  return requests[0];
}

const sessionOf = async (client: unknown) => (await firstRequest(client))?.headers[STAFF_SESSION_HEADER];

describe.each([
  ['督查报表', useReportClient, /^https:\/\/hq\.example\/reports\?/],
  ['投诉', useComplaintClient, /^https:\/\/hq\.example\/complaints/],
] as const)('the %s client made', (_name, hook, url) => {
  it('calls the server URL with the desk and the session proven', async () => {
    const { platform, release } = platformWith(DESK);
    const seen = mount(hook, platform);
    await act(async () => release());
    const request = await firstRequest(seen().client);
    expect(request?.url).toMatch(url);
    expect(request?.headers[DEVICE_ID_HEADER]).toBe(DESK.deviceId);
    expect(request?.headers.authorization).toBe('Bearer desk-token');
    expect(request?.headers[STAFF_SESSION_HEADER]).toBe(staffSessionHeader(SESSION));
  });
});
