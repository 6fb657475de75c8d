// Main process. Where the bundled pieces sit: main.cjs and preload.cjs side by side in dist/electron, next to
// dist/renderer — the same layout inside app.asar as in the working tree.
import path from 'node:path';

export const rendererDir = path.join(__dirname, '..', 'renderer');
export const preloadPath = path.join(__dirname, 'preload.cjs');
