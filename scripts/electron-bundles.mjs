// The esbuild settings for the Electron main process and preload, shared by the build and by the security scan so
// that the scan reads code bundled exactly like the code that ships.
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const electronOutdir = 'dist/electron';

export const electronBundles = [
  { name: 'main', entry: 'electron/main/index.ts', outfile: 'main.cjs' },
  { name: 'preload', entry: 'electron/preload/index.ts', outfile: 'preload.cjs' },
];

/** One CommonJS file per entry with everything but 'electron' inlined; readable, with no source map. */
export function bundleOptions(entry, outfile, overrides = {}) {
  return {
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22', // Electron 45 ships Node 22
    external: ['electron'],
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    ...overrides,
  };
}
