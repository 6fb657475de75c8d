import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder cannot package here (it downloads Electron), so its configuration is checked on its own: against
// electron-builder's schema, and for the settings that keep the installer small, offline and free of server code.
const configUrl = new URL('../../../build/electron-builder.json', import.meta.url);
const config = JSON.parse(readFileSync(configUrl, 'utf8')) as Record<string, unknown> & { files: string[] };
const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  main: string;
};

/** Glob match for the simple patterns used in `files` (`**` any depth, `*` within one segment). */
function matches(pattern: string, file: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\0')
    .replace(/\*/g, '[^/]*')
    .replace(/\0/g, '.*');
  return new RegExp(`^${source}$`).test(file);
}

/** electron-builder's rule: the last pattern that matches a file decides, `!` excludes. */
function isPackaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (matches(negated ? pattern.slice(1) : pattern, file)) included = !negated;
  }
  return included;
}

// Loading electron-builder's own schema validation takes seconds on a loaded machine.
describe('electron-builder configuration', { timeout: 30_000 }, () => {
  it('is valid for electron-builder 26', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('never rebuilds native modules: the desk has none, and a rebuild against the wrong headers fails silently', () => {
    expect(config['npmRebuild']).toBe(false);
    expect(config['nodeGypRebuild']).toBe(false);
    expect(config['buildDependenciesFromSource']).toBe(false);
  });

  it('packs the bundled main, preload and renderer, and package.json with its main entry', () => {
    expect(isPackaged('package.json')).toBe(true);
    expect(isPackaged(packageJson.main)).toBe(true);
    expect(packageJson.main).toBe('dist/electron/main.cjs');
    expect(isPackaged('dist/electron/preload.cjs')).toBe(true);
    expect(isPackaged('dist/renderer/index.html')).toBe(true);
    expect(isPackaged('dist/renderer/assets/index-4f2a.js')).toBe(true);
  });

  it('leaves out node_modules, the server, sources and source maps', () => {
    for (const file of [
      'node_modules/react/index.js',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'server/dist/main.mjs',
      'server/src/main.ts',
      'electron/main/index.ts',
      'shared/ipc/contract.ts',
      'renderer/app/App.tsx',
      'dist/renderer/assets/index-4f2a.js.map',
      'data/firstdesk.sqlite',
    ]) {
      expect(isPackaged(file), file).toBe(false);
    }
  });

  it('ships in an asar archive with the hardening fuses set', () => {
    expect(config['asar']).toBe(true);
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('builds a per-machine Windows installer whose folder can be chosen', () => {
    expect(config['win']).toMatchObject({ target: [{ target: 'nsis' }] });
    expect(config['nsis']).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
    });
  });

  it('writes installers to release/', () => {
    expect(config['directories']).toMatchObject({ output: 'release' });
  });
});
