// Main process. The desk config file in userData: read once at start-up, written whole (temp file + rename) on change.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  defaultDeskConfig,
  parseStoredDeskConfig,
  serializeDeskConfig,
  withNightlySyncAt,
  withServerUrl,
  type StoredDeskConfig,
} from './pure/desk-config.ts';

export const DESK_CONFIG_FILE = 'desk-config.json';

export interface DeskConfigStore {
  get(): StoredDeskConfig;
  /** Validates, saves, then returns the new config; throws (and changes nothing) on a bad address. */
  setServerUrl(serverUrl: unknown): Promise<StoredDeskConfig>;
  /** The bureau's nightly sync time, as the renderer last pulled it; throws (and changes nothing) on a bad time. */
  setNightlySyncAt(nightlySyncAt: unknown): Promise<StoredDeskConfig>;
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function openDeskConfigStore(
  userDataDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DeskConfigStore> {
  const file = path.join(userDataDir, DESK_CONFIG_FILE);
  const defaults = defaultDeskConfig(env);
  const stored = parseStoredDeskConfig(await readIfPresent(file), defaults.config);
  for (const problem of [...defaults.problems, ...stored.problems]) console.warn(`[desk-config] ${problem}`);

  let current = stored.config;
  let saving: Promise<unknown> = Promise.resolve();

  const save = async (next: StoredDeskConfig): Promise<void> => {
    await mkdir(userDataDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, serializeDeskConfig(next), 'utf8');
    await rename(temporary, file);
  };

  // Saves run one after another, so the file always ends up holding the last accepted value.
  const commit = (change: (config: StoredDeskConfig) => StoredDeskConfig): Promise<StoredDeskConfig> => {
    const done = saving.then(async () => {
      // Applied to the config as the previous save left it: two different settings changed at once both stay.
      const next = change(current);
      await save(next);
      current = next;
      return next;
    });
    saving = done.catch(() => undefined);
    return done;
  };

  return {
    get: () => current,
    setServerUrl: (serverUrl) => {
      withServerUrl(current, serverUrl); // refuse a bad address now, before queueing behind another save
      return commit((config) => withServerUrl(config, serverUrl));
    },
    setNightlySyncAt: (nightlySyncAt) => {
      withNightlySyncAt(current, nightlySyncAt);
      return commit((config) => withNightlySyncAt(config, nightlySyncAt));
    },
  };
}
