import type { PrintSlipResult } from '../../shared/ipc/contract.ts';

// The browser build prints a slip the only way a page can: its HTML in a hidden same-origin frame, and that
// frame's print(), which opens the browser's own dialog (where the clerk picks the printer, or "Save as PDF").
// The frame inherits the desk's CSP and the slip document adds its own (renderer/print/renderSlip.tsx: inline style
// only, no request of any kind), so a reprint of content written at another desk cannot load or run anything here.

const FRAME_LOAD_TIMEOUT_MS = 10_000;

export async function printInFrame(html: string): Promise<PrintSlipResult> {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('data-testid', 'slip-print-frame');
  frame.tabIndex = -1;
  // Laid out (a display:none frame prints nothing in some browsers) but invisible and out of the way.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loaded = new Promise<void>((resolve, reject) => {
      frame.addEventListener('load', () => resolve(), { once: true });
      timer = setTimeout(() => reject(new Error('the slip did not load')), FRAME_LOAD_TIMEOUT_MS);
    }).finally(() => clearTimeout(timer));
    frame.srcdoc = html;
    document.body.appendChild(frame);
    await loaded;
    const view = frame.contentWindow;
    if (!view) throw new Error('the print frame has no window');
    await view.document.fonts.ready;
    view.focus();
    // Blocks until the dialog closes in Chromium; the browser does not say whether the clerk printed or cancelled.
    view.print();
    return { printed: true, pdfPath: null };
  } catch (error) {
    return {
      printed: false,
      failure: 'failed',
      failureReason: error instanceof Error ? error.message : String(error),
      pdfPath: null,
    };
  } finally {
    // Firefox and Safari return from print() before printing: give them the frame a little longer.
    setTimeout(() => frame.remove(), 1_000);
  }
}
