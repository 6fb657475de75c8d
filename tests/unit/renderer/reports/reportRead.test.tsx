// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportClient } from '../../../../renderer/data/reports/client.ts';
import { useReportRead, type ReportRead } from '../../../../renderer/data/reports/hooks.ts';

// A report is asked again whenever the period changes; an answer overtaken by a newer request must never show (the
// table would show last month's figures under this month's heading), and the overtaken request is aborted.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Pending {
  key: string;
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: unknown): void;
}

let root: Root;
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  root = createRoot(container);
});
afterEach(() => act(() => root.unmount()));

function harness() {
  const pending: Pending[] = [];
  const client = {} as ReportClient;
  let seen: ReportRead<string> | undefined;
  function Probe({ readKey }: { readKey: string | null }) {
    seen = useReportRead(
      client,
      (_c, signal) =>
        new Promise<string>((resolve, reject) => pending.push({ key: readKey ?? '', signal, resolve, reject })),
      readKey,
    );
    return null;
  }
  const render = (readKey: string | null) => act(() => root.render(createElement(Probe, { readKey })));
  return { pending, render, seen: () => seen! };
}

describe('useReportRead', () => {
  it('shows only the answer of the latest key, and aborts the request it overtook', async () => {
    const h = harness();
    await h.render('2026-10');
    await h.render('2026-11');
    expect(h.pending.map((p) => p.key)).toEqual(['2026-10', '2026-11']);
    expect(h.pending[0]!.signal.aborted).toBe(true);
    expect(h.pending[1]!.signal.aborted).toBe(false);
    await act(async () => h.pending[1]!.resolve('november'));
    // October's answer arrives late: it is dropped.
    await act(async () => h.pending[0]!.resolve('october'));
    expect(h.seen().data).toBe('november');
    expect(h.seen().loading).toBe(false);
  });

  it('shows nothing of an earlier key while the new one is asked', async () => {
    const h = harness();
    await h.render('2026-10');
    await act(async () => h.pending[0]!.resolve('october'));
    expect(h.seen().data).toBe('october');
    await h.render('2026-11');
    expect(h.seen().data).toBeUndefined();
    expect(h.seen().loading).toBe(true);
  });

  it('keeps the answer beside a failed reload of the same key', async () => {
    const h = harness();
    await h.render('2026-11');
    await act(async () => h.pending[0]!.resolve('november'));
    await act(async () => h.seen().reload());
    expect(h.pending).toHaveLength(2);
    await act(async () => h.pending[1]!.reject(new Error('offline')));
    expect(h.seen().data).toBe('november');
    expect((h.seen().failure as Error).message).toBe('offline');
  });

  it('asks nothing for a null key (a period the desk refused)', async () => {
    const h = harness();
    await h.render(null);
    expect(h.pending).toHaveLength(0);
    expect(h.seen().loading).toBe(false);
    expect(h.seen().data).toBeUndefined();
  });
});
