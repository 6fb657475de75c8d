// Bundles the Electron main process and the preload into dist/electron (main.cjs, preload.cjs), so the packaged app
// needs no node_modules, then checks what each bundle still requires at run time.
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, electronBundles, electronOutdir, projectRoot } from './electron-bundles.mjs';

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** A sandboxed preload can require 'electron' and nothing else; main may also use Node's built-ins. */
const mayRequire = {
  main: (name) => name === 'electron' || nodeBuiltins.has(name),
  preload: (name) => name === 'electron',
};

await rm(path.join(projectRoot, electronOutdir), { recursive: true, force: true });

const results = await Promise.all(
  electronBundles.map(async (bundle) => {
    const outfile = `${electronOutdir}/${bundle.outfile}`;
    const { metafile } = await build(bundleOptions(bundle.entry, outfile));
    const output = metafile.outputs[outfile];
    const externals = output.imports.filter((entry) => entry.external).map((entry) => entry.path);
    return {
      bundle,
      outfile,
      bytes: output.bytes,
      forbidden: externals.filter((name) => !mayRequire[bundle.name](name)),
    };
  }),
);

let failed = false;
for (const { bundle, outfile, bytes, forbidden } of results) {
  for (const name of forbidden) {
    console.error(
      `build-electron: ${outfile} requires "${name}" at run time; the ${bundle.name} bundle must inline it`,
    );
    failed = true;
  }
  console.log(`build-electron: ${outfile} ${(bytes / 1024).toFixed(0)} KiB`);
}
if (failed) process.exit(1);
