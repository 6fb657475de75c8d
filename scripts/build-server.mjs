// Bundles the HQ server into one file, server/dist/main.mjs. Packages stay external: they are resolved at
// run time from the workspace's node_modules (better-sqlite3 is native and cannot be bundled anyway).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['server/src/main.ts'],
  outfile: 'server/dist/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'info',
  // ESM has no `require`; a CommonJS dependency that calls it inside the bundle would otherwise throw.
  banner: {
    js: "import { createRequire as __firstdeskCreateRequire } from 'node:module';\nconst require = __firstdeskCreateRequire(import.meta.url);",
  },
});
