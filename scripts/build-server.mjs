// Bundles the HQ server into server/dist/main.mjs and its admin CLI into server/dist/cli.mjs (enrolment codes,
// devices, revoke). Packages stay external: they are resolved at
// run time from the workspace's node_modules (better-sqlite3 is native and cannot be bundled anyway).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['server/src/main.ts', 'server/src/cli.ts'],
  outdir: 'server/dist',
  outExtension: { '.js': '.mjs' },
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
