// Preload entry, bundled to one CommonJS file that requires only 'electron' (a sandboxed preload can load nothing
// else). The page sees `window.desk` and nothing more.
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { createDeskApi } from './desk-api.ts';

// The desk's CSP has no 'unsafe-eval': without this, zod probes `new Function` and Chromium reports a violation.
z.config({ jitless: true });

contextBridge.exposeInMainWorld('desk', createDeskApi(ipcRenderer));
